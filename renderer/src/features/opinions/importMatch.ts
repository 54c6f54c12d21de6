/**
 * Re-importing a corrected 意見シート: a row that names one of the council's opinions updates
 * that opinion instead of adding a duplicate. Rows are matched
 *  1. by their 意見ID (the last column of the internal lists): the opinion with that id in
 *     this council, whatever its text now says — a row whose 意見 was corrected updates the
 *     opinion's text. 番号 is only the row's place in one edition (the 公開版 leaves
 *     non-public opinions out), never an id;
 *  2. else by the opinion text (width, case and spacing folded; also as the documents print
 *     it, in the council's punctuation), for sheets without the column or with an id that is
 *     not this council's (another council's list, a merged or deleted opinion). An opinion of
 *     another council is never a target: `existing` is this council's opinions only.
 * Only what the row fills in is changed (意見, 分野, 委員, 市の考え方, 反映状況); a blank cell
 * never erases what is stored. Every change is listed in the preview before anything is written.
 */
import type { Opinion } from '../../../../shared/domain';
import type { ImportedOpinionRow } from '../../../../shared/contract/opinions';
import { isActive, normalizeForSearch } from '../../../../shared/opinions';

/**
 * Why a row's 意見ID was not used: 'unknown' = no opinion of this council has it,
 * 'repeated' = an earlier row of the sheet already names that opinion.
 */
export type IdProblem = 'unknown' | 'repeated';

/** How a row found its opinion. */
export type MatchedBy = 'id' | 'text';

export type ImportStep =
  | { kind: 'add'; row: ImportedOpinionRow; idProblem?: IdProblem }
  | {
      kind: 'update';
      row: ImportedOpinionRow;
      target: Opinion;
      by: MatchedBy;
      changes: string[];
      patch: Partial<Opinion>;
      idProblem?: IdProblem;
    }
  | { kind: 'same'; row: ImportedOpinionRow; target: Opinion; by: MatchedBy; idProblem?: IdProblem }
  | { kind: 'error'; row: ImportedOpinionRow };

export interface ImportMatchOptions {
  /**
   * The council's document text rules (punctuation, letter width): the exported lists print
   * the stored text this way, so a cell that reads as the styled stored text is unchanged.
   */
  styled?: (text: string) => string;
}

const key = (s: string) => normalizeForSearch(s).replace(/\s+/g, '');
const plain = (s: string) => s.replace(/\r\n?/g, '\n').trim();

export function planOpinionImport(
  existing: readonly Opinion[],
  rows: readonly ImportedOpinionRow[],
  options: ImportMatchOptions = {},
): ImportStep[] {
  const styled = options.styled ?? ((t: string) => t);
  /** The cell says what is stored (as stored, or as the documents print it). */
  const unchanged = (cell: string, stored: string) =>
    plain(cell) === plain(stored) || plain(cell) === plain(styled(stored));

  const active = existing.filter(isActive);
  const byId = new Map(active.map((o) => [o.id, o]));
  const byText = new Map<string, Opinion[]>();
  for (const o of active) {
    for (const k of new Set([key(o.summary), key(styled(o.summary))])) byText.set(k, [...(byText.get(k) ?? []), o]);
  }

  // The rows naming an opinion by its id go first, so a row matched only by its text never
  // takes an opinion that a later row names.
  const used = new Set<string>();
  const byRowId = new Map<number, Opinion>();
  const problems = new Map<number, IdProblem>();
  rows.forEach((row, i) => {
    if (row.errors.length || !row.opinionId) return;
    const o = byId.get(row.opinionId);
    if (!o) problems.set(i, 'unknown');
    else if (used.has(o.id)) problems.set(i, 'repeated');
    else {
      used.add(o.id);
      byRowId.set(i, o);
    }
  });

  return rows.map((row, i): ImportStep => {
    if (row.errors.length) return { kind: 'error', row };
    const idProblem = problems.get(i);
    const note = idProblem ? { idProblem } : {};
    const named = byRowId.get(i);
    let target = named;
    if (!target) {
      const candidates = (byText.get(key(row.summary)) ?? []).filter((o) => !used.has(o.id));
      // Several stored with the same text: the one from the same meeting and member first.
      target = candidates.find((o) => o.meetingId === row.meetingId && o.memberId === row.memberId) ?? candidates[0];
      if (!target) return { kind: 'add', row, ...note };
      used.add(target.id);
    }
    const by: MatchedBy = named ? 'id' : 'text';
    const patch: Partial<Opinion> = {};
    const changes: string[] = [];
    // Only a row matched by its id can change the text (matched by text, the text is the match).
    if (named && !unchanged(row.summary, target.summary)) {
      patch.summary = row.summary;
      changes.push('意見');
    }
    if (row.fieldId && row.fieldId !== target.fieldId) {
      patch.fieldId = row.fieldId;
      changes.push('分野');
    }
    if (row.memberId && row.memberId !== target.memberId) {
      patch.memberId = row.memberId;
      changes.push('委員');
    }
    if (row.response.trim() && !unchanged(row.response, target.response)) {
      patch.response = row.response;
      changes.push('市の考え方');
    }
    if (row.status && row.status !== target.status) {
      patch.status = row.status;
      changes.push('反映状況');
    }
    return changes.length
      ? { kind: 'update', row, target, by, changes, patch, ...note }
      : { kind: 'same', row, target, by, ...note };
  });
}
