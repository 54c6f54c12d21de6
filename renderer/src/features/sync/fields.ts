/**
 * The fields of two versions of a record, side by side: which differ, under a Japanese label,
 * and a merge written back field by field. A nested object (the minutes' hand edits per
 * paragraph) is compared one level down, so two people's edits to different paragraphs show
 * as separate rows.
 */
import type { TrackedTable } from '../../data/write';

export interface FieldRow {
  /** `text`, or `edits.<paragraph key>` one level down. */
  path: string;
  label: string;
  mine: unknown;
  theirs: unknown;
  /** Both sides are text (or absent): shown with the diff view and editable in a merge. */
  text: boolean;
}

const LABELS: Record<string, string> = {
  text: '本文',
  summary: '意見の要旨',
  response: '市の考え方',
  status: '対応状況',
  name: '名称・氏名',
  reading: 'よみがな',
  title: '件名',
  role: '役職',
  category: '区分',
  affiliation: '所属',
  speakerId: '発言者',
  kind: '種別',
  note: 'メモ',
  date: '日付',
  number: '回',
  venues: '会場',
  attendance: '出欠',
  history: '経過',
  style: '様式',
  publishedAt: '公開日',
  nonPublic: '非公開',
  needsCheck: '要確認',
  order: '並び順',
  sections: '章立てと本文',
  heading: '見出し',
  sourceLabel: '提出者',
  sectionIds: '反映先',
  themes: 'テーマ',
};

const TABLE_LABELS: Record<TrackedTable, string> = {
  councils: '審議会',
  members: '委員',
  staff: '事務局職員',
  meetings: '会議',
  remarks: '発言記録',
  opinions: '意見',
  drafts: '計画案',
  draftVersions: '計画案の版',
  matrixItems: '分野別整理表',
  planEntries: '会議開催計画',
  minutes: '会議録',
  actionPlans: 'アクションプラン',
  actions: '取組',
  progress: '進捗',
};

export const tableLabel = (t: TrackedTable) => TABLE_LABELS[t] ?? t;

/** Fields that change on every save and say nothing about the content. */
const IGNORED = new Set(['updatedAt', 'id']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isText = (v: unknown) => v === undefined || v === null || typeof v === 'string';

function labelOf(table: TrackedTable, path: string[], n: number): string {
  if (table === 'minutes' && path[0] === 'edits') return `会議録の段落 ${n}`;
  const base = LABELS[path[0]!] ?? `その他の項目（${path[0]}）`;
  return path.length > 1 ? `${base}（${path[1]}）` : base;
}

/** The fields whose values differ between my version and theirs (null = deleted). */
export function differingFields(
  table: TrackedTable,
  mine: Record<string, unknown> | null,
  theirs: Record<string, unknown> | null,
): FieldRow[] {
  const rows: FieldRow[] = [];
  const a = mine ?? {};
  const b = theirs ?? {};
  let paragraphs = 0;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (IGNORED.has(key) || same(a[key], b[key])) continue;
    if (isPlainObject(a[key]) || isPlainObject(b[key])) {
      const x = isPlainObject(a[key]) ? a[key] : {};
      const y = isPlainObject(b[key]) ? b[key] : {};
      for (const sub of [...new Set([...Object.keys(x), ...Object.keys(y)])]) {
        if (same(x[sub], y[sub])) continue;
        rows.push({
          path: `${key}.${sub}`,
          label: labelOf(table, [key, sub], ++paragraphs),
          mine: x[sub],
          theirs: y[sub],
          text: isText(x[sub]) && isText(y[sub]),
        });
      }
      continue;
    }
    rows.push({
      path: key,
      label: labelOf(table, [key], 0),
      mine: a[key],
      theirs: b[key],
      text: isText(a[key]) && isText(b[key]),
    });
  }
  return rows;
}

/** `base` with the merged text of some fields written in (paths as `differingFields` gives them). */
export function mergeFields(base: Record<string, unknown>, merged: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [path, value] of Object.entries(merged)) {
    const dot = path.indexOf('.');
    if (dot < 0) out[path] = value;
    else {
      const key = path.slice(0, dot);
      const inner = isPlainObject(out[key]) ? { ...(out[key] as Record<string, unknown>) } : {};
      inner[path.slice(dot + 1)] = value;
      out[key] = inner;
    }
  }
  return out;
}

/** A value as a person reads it in the list (text as is; anything else briefly). */
export function showValue(v: unknown): string {
  if (v === undefined || v === null || v === '') return '（なし）';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'はい' : 'いいえ';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length ? `${v.length}件` : '（なし）';
  return JSON.stringify(v);
}

/** The keys of a nested field (the minutes' `edits`) whose values differ between the versions of a conflict. */
export function differingKeys(versions: { record: Record<string, unknown> | null }[], field: string): Set<string> {
  const maps = versions.map((v) =>
    isPlainObject(v.record?.[field]) ? (v.record![field] as Record<string, unknown>) : {},
  );
  const keys = new Set<string>();
  for (const k of new Set(maps.flatMap((m) => Object.keys(m))))
    if (maps.some((m) => !same(m[k], maps[0]![k]))) keys.add(k);
  return keys;
}
