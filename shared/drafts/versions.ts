/**
 * Frozen versions (骨子案 → 素案 → 案 → 確定). A version is a deep copy of the working
 * copy at one moment and never changes afterwards: the objects made here are deeply
 * frozen, and there is deliberately no function that updates a version.
 */
import { DraftVersion, type Draft, type Section } from '../domain';
import { formatWarekiMonth } from '../wareki';

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

export interface FreezeInput {
  stage: string;
  date: string;
  note: string;
}

/** Makes the version record of the working copy as it is now. */
export function makeVersion(draft: Draft, input: FreezeInput, id: string, now: string): Readonly<DraftVersion> {
  const version = DraftVersion.parse({
    id,
    draftId: draft.id,
    stage: input.stage.trim(),
    date: input.date,
    note: input.note.trim(),
    title: draft.title,
    issuer: draft.issuer,
    numbering: draft.numbering,
    sections: structuredClone(draft.sections) as Section[],
    frozenAt: now,
  });
  return deepFreeze(version);
}

export function validateFreeze(input: FreezeInput, stages: readonly string[]): string | null {
  if (!input.stage.trim()) return '段階を選んでください。';
  if (stages.length && !stages.includes(input.stage.trim())) return `段階は ${stages.join('・')} から選んでください。`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return '日付を入力してください。';
  return null;
}

/** Versions newest first (by freezing time). */
export function newestFirst<V extends Pick<DraftVersion, 'frozenAt'>>(versions: readonly V[]): V[] {
  return [...versions].sort((a, b) => (a.frozenAt < b.frozenAt ? 1 : a.frozenAt > b.frozenAt ? -1 : 0));
}

/** The stage to offer next: the one after the newest version's stage. */
export function nextStage(
  stages: readonly string[],
  versions: readonly Pick<DraftVersion, 'stage' | 'frozenAt'>[],
): string {
  const newest = newestFirst(versions)[0];
  if (!newest) return stages[0] ?? '';
  const i = stages.indexOf(newest.stage);
  return stages[Math.min(i + 1, stages.length - 1)] ?? newest.stage;
}

/** What a document of a draft is printed from: a version, or the working copy (stage ''). */
export interface DraftDoc {
  title: string;
  issuer: string;
  stage: string;
  date: string | null;
  numbering: Draft['numbering'];
  sections: Section[];
}

export function docOfVersion(v: DraftVersion): DraftDoc {
  return {
    title: v.title,
    issuer: v.issuer,
    stage: v.stage,
    date: v.date,
    numbering: v.numbering,
    sections: v.sections,
  };
}
export function docOfDraft(d: Draft): DraftDoc {
  return { title: d.title, issuer: d.issuer, stage: '', date: d.date, numbering: d.numbering, sections: d.sections };
}

/** The cover date: 令和5年7月. */
export function coverDate(doc: Pick<DraftDoc, 'date'>): string {
  return doc.date ? formatWarekiMonth(doc.date) : '';
}

/** 飯塚市行政経営戦略推進ビジョン_素案.docx */
export function draftFileName(doc: Pick<DraftDoc, 'title' | 'stage'>): string {
  return `${doc.title}_${doc.stage || '作業中'}.docx`;
}
/** 飯塚市行政経営戦略推進ビジョン_新旧対照表（素案・骨子案）.docx */
export function comparisonFileName(title: string, newStage: string, oldStage: string): string {
  return `${title}_新旧対照表（${newStage || '作業中'}・${oldStage || '作業中'}）.docx`;
}
