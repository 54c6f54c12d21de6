/**
 * Undo for the forms (委員名簿, 次第・資料, 審議会の設定): before a change is written, the
 * records it may touch are read (their before-images); 「元に戻す」 writes them back —
 * through the write path, so the change log records the undo like any other write. A record
 * the change created is deleted again; a deleted one comes back whole, with the same id, so
 * attendance and remarks that name it still do.
 *
 * Entries belong to a scope (one screen: `members:<councilId>`, `meeting:<id>` …); a screen
 * undoes only its own. An undo is refused when a record was written again since (another
 * screen, a restore, team sync): it never overwrites a later change.
 */
import type { Table } from 'dexie';
import { AppError } from '../../../shared/errors';
import { revisionsOf, type ShingikaiDB } from './database';
import { db as appDb } from './db';
import type { TrackedTable } from './write';

/** A record a change may write. */
export interface UndoTarget {
  table: TrackedTable;
  id: string;
}

interface BeforeImage extends UndoTarget {
  /** The record before the change; undefined when it did not exist. */
  record: unknown;
  /** Its revision right after the change (0: none). */
  rev: number;
}

export interface UndoEntry {
  seq: number;
  scope: string;
  label: string;
  images: BeforeImage[];
}

const MAX_ENTRIES = 30;

export class UndoHistory {
  private entries: UndoEntry[] = [];
  private seq = 0;
  private listeners = new Set<() => void>();
  constructor(private readonly db: ShingikaiDB) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The newest entry of a scope (what 元に戻す would undo), or null. */
  latest(scope: string): UndoEntry | null {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.scope === scope) return this.entries[i]!;
    return null;
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  private table(name: TrackedTable): Table<unknown, string> {
    return this.db.table(name) as Table<unknown, string>;
  }

  private async read(targets: UndoTarget[]): Promise<unknown[]> {
    return Promise.all(targets.map((t) => this.table(t.table).get(t.id)));
  }

  private async revs(targets: UndoTarget[]): Promise<number[]> {
    const found = await revisionsOf(
      this.db,
      targets.map((t) => [t.table, t.id]),
    );
    return found.map((r) => r?.rev ?? 0);
  }

  /**
   * Runs `write` and keeps what undoes it. `label` is the notice (「委員「…」を更新しました」);
   * `targets` are the records it may change or delete; `created` names the records it added
   * (known only after the write).
   */
  async run<T>(
    scope: string,
    label: string | ((result: T) => string),
    targets: UndoTarget[],
    write: () => Promise<T>,
    created?: (result: T) => UndoTarget[],
  ): Promise<T> {
    const unique = dedupe(targets);
    const before = await this.read(unique);
    const result = await write();
    const added = dedupe(created?.(result) ?? []).filter((c) => !unique.some((t) => same(t, c)));
    const all = [...unique, ...added];
    const revs = await this.revs(all);
    const images: BeforeImage[] = all.map((t, i) => ({
      ...t,
      record: i < unique.length ? before[i] : undefined,
      rev: revs[i]!,
    }));
    // A change that wrote nothing (same values) still gets its entry: the user saw it saved.
    const text = typeof label === 'function' ? label(result) : label;
    this.entries.push({ seq: ++this.seq, scope, label: text, images });
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
    this.changed();
    return result;
  }

  /**
   * Writes back the before-images of the scope's newest entry (or of `seq`, which must be
   * the newest). Answers the entry undone, or null when there is none.
   */
  async undo(scope: string, seq?: number): Promise<UndoEntry | null> {
    const entry = this.latest(scope);
    if (!entry) return null;
    if (seq !== undefined && entry.seq !== seq)
      throw new AppError('INVALID_ARGUMENT', 'この後に行った変更があります。新しい変更から順に元に戻してください。');
    const tables = [...new Set(entry.images.map((i) => i.table))].map((t) => this.table(t));
    await this.db.transaction('rw', [...tables, this.db.revisions], async () => {
      const now = await this.revs(entry.images);
      if (now.some((r, i) => r !== entry.images[i]!.rev))
        throw new AppError(
          'FORBIDDEN',
          `「${entry.label}」の後に同じ記録が変更されたため、元に戻せません。内容を確認して直接修正してください。`,
        );
      for (const image of entry.images) {
        const table = this.table(image.table);
        if (image.record === undefined) await table.delete(image.id);
        else await table.put(image.record);
      }
    });
    this.entries = this.entries.filter((e) => e !== entry);
    this.changed();
    return entry;
  }

  /** Forgets a scope's entries (tests; a restore of the whole database). */
  clear(scope?: string) {
    this.entries = scope === undefined ? [] : this.entries.filter((e) => e.scope !== scope);
    this.changed();
  }
}

const same = (a: UndoTarget, b: UndoTarget) => a.table === b.table && a.id === b.id;
function dedupe(targets: UndoTarget[]): UndoTarget[] {
  return targets.filter((t, i) => targets.findIndex((u) => same(t, u)) === i);
}

/** The app's undo history (one per window). */
export const undoHistory = new UndoHistory(appDb);

/** The screens that offer 元に戻す, one scope each. */
export const undoScope = {
  members: (councilId: string) => `members:${councilId}`,
  settings: (councilId: string) => `settings:${councilId}`,
  meeting: (meetingId: string) => `meeting:${meetingId}`,
};
