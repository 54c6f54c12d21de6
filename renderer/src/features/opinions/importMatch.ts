/**
 * Re-importing a corrected 意見シート: a row whose opinion text is already one of the
 * council's opinions updates that opinion instead of adding a duplicate. The exported sheets'
 * 番号 is the position in that edition's list (the 公開版 leaves non-public opinions out), not
 * a stable id, so rows are matched by the opinion text (width, case and spacing folded).
 * Only what the row fills in is changed (分野, 委員, 市の考え方, 反映状況); a blank cell never
 * erases what is stored. Every change is listed in the preview before anything is written.
 */
import type { Opinion } from '../../../../shared/domain';
import type { ImportedOpinionRow } from '../../../../shared/contract/opinions';
import { isActive, normalizeForSearch } from '../../../../shared/opinions';

export type ImportStep =
  | { kind: 'add'; row: ImportedOpinionRow }
  | { kind: 'update'; row: ImportedOpinionRow; target: Opinion; changes: string[]; patch: Partial<Opinion> }
  | { kind: 'same'; row: ImportedOpinionRow; target: Opinion }
  | { kind: 'error'; row: ImportedOpinionRow };

const key = (s: string) => normalizeForSearch(s).replace(/\s+/g, '');

export function planOpinionImport(existing: readonly Opinion[], rows: readonly ImportedOpinionRow[]): ImportStep[] {
  const byText = new Map<string, Opinion[]>();
  for (const o of existing.filter(isActive)) {
    const k = key(o.summary);
    byText.set(k, [...(byText.get(k) ?? []), o]);
  }
  const used = new Set<string>();
  return rows.map((row): ImportStep => {
    if (row.errors.length) return { kind: 'error', row };
    const candidates = (byText.get(key(row.summary)) ?? []).filter((o) => !used.has(o.id));
    // Several stored with the same text: the one from the same meeting and member first.
    const target =
      candidates.find((o) => o.meetingId === row.meetingId && o.memberId === row.memberId) ?? candidates[0];
    if (!target) return { kind: 'add', row };
    used.add(target.id);
    const patch: Partial<Opinion> = {};
    const changes: string[] = [];
    if (row.fieldId && row.fieldId !== target.fieldId) {
      patch.fieldId = row.fieldId;
      changes.push('分野');
    }
    if (row.memberId && row.memberId !== target.memberId) {
      patch.memberId = row.memberId;
      changes.push('委員');
    }
    if (row.response.trim() && row.response !== target.response) {
      patch.response = row.response;
      changes.push('市の考え方');
    }
    if (row.status && row.status !== target.status) {
      patch.status = row.status;
      changes.push('反映状況');
    }
    return changes.length ? { kind: 'update', row, target, changes, patch } : { kind: 'same', row, target };
  });
}
