/** One choice of the live screen's keyboard picker (QuickPick): a speaker, a kind, a field, a question. */
export interface PickOption {
  key: string;
  label: string;
  hint?: string;
  number: number | null;
}
