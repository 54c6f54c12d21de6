/**
 * Database rules: invariants Dexie itself enforces, whoever writes. Installed once by the
 * ShingikaiDB constructor.
 */
import type { ShingikaiDB } from './database';
import { DataError } from './errors';

export const FROZEN_MESSAGE = '確定した版は変更できません。変更は作業中の原稿で行い、新しい版として確定してください。';

const guarded = new WeakSet<ShingikaiDB>();

/** A frozen version (draftVersions) is never changed: update, modify, or put over an existing one is refused. */
export function guardFrozenVersions(db: ShingikaiDB): void {
  if (guarded.has(db)) return;
  guarded.add(db);
  db.draftVersions.hook('updating', () => {
    throw new DataError('FROZEN', FROZEN_MESSAGE);
  });
}

export function installRules(db: ShingikaiDB): void {
  guardFrozenVersions(db);
}
