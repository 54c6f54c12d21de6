/** How people are named in the UI and in internal documents (before any anonymisation). */
import type { Member, Staff } from './domain';

/** 大久保副会長 / 河委員 — as reference 004 writes members (docs/CONVENTIONS.md §1.1). */
export function memberTitle(m: Pick<Member, 'name' | 'role'>): string {
  return `${m.name}${m.role}`;
}

/** 東部長 / 伊佐 — a staff member with title. */
export function staffTitle(s: Pick<Staff, 'name' | 'title'>): string {
  return `${s.name}${s.title}`;
}

/**
 * 【行政経営部】東部長 / 【業務改善・ＤＸ推進課】中嶋課長、上田課長補佐 — the 事務局職員 lines of
 * the minutes: consecutive staff of one department share one bracket.
 */
export function staffLines(staff: Pick<Staff, 'department' | 'name' | 'title'>[]): string[] {
  const lines: { department: string; names: string[] }[] = [];
  for (const s of staff) {
    const last = lines[lines.length - 1];
    if (last && last.department === s.department) last.names.push(staffTitle(s));
    else lines.push({ department: s.department, names: [staffTitle(s)] });
  }
  return lines.map((l) => (l.department ? `【${l.department}】` : '') + l.names.join('、'));
}

/** Sorts by よみがな (50音), falling back to the name. */
export function compareByReading(a: Pick<Member, 'reading' | 'name'>, b: Pick<Member, 'reading' | 'name'>): number {
  return (a.reading || a.name).localeCompare(b.reading || b.name, 'ja');
}

/**
 * A name or reading as a roster compares it: NFKC (full- and half-width alike), spaces
 * dropped (山田 太郎 = 山田　太郎 = 山田太郎). Kana are not folded: a reading in katakana is
 * not the same as one in hiragana. (shared/publication/names.ts normalizeName folds kana
 * and normalizes per character to keep offsets into running text — a different question.)
 */
export const personKey = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]/g, '');

/** The key under which two roster rows are the same person (same name and same reading). */
export const rosterRowKey = (name: string, reading: string) => `${personKey(name)}\u0000${personKey(reading)}`;

/**
 * Finds, among a council's members, the one an imported row stands for: the same name and
 * the same reading — a blank reading on either side matches. With several candidates the
 * first in the given order wins.
 */
export function memberMatcher<T extends { name: string; reading: string }>(
  existing: readonly T[],
): (name: string, reading: string) => T | undefined {
  const byName = new Map<string, T[]>();
  for (const m of existing) {
    const k = personKey(m.name);
    byName.set(k, [...(byName.get(k) ?? []), m]);
  }
  return (name, reading) =>
    (byName.get(personKey(name)) ?? []).find(
      (m) => !m.reading || !reading || personKey(m.reading) === personKey(reading),
    );
}
