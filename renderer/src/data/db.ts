/**
 * The app's one database instance (data/storage.ts asks the browser to keep it): the database
 * the pointer names (database.ts: a full restore switches it), the default one without.
 */
import { subscribeTeamSession, teamSession } from './sync/session';
import { currentDbName, DB_POINTER_KEY, guardPointedDatabase, ShingikaiDB } from './database';

export const db = new ShingikaiDB(currentDbName());

// Team use: a shared council's records are stamped with the CouchDB user beside the 作業者名 (write.ts teamName).
subscribeTeamSession(() => {
  const session = teamSession();
  db.teamUser = session?.user ? { user: session.user, councils: session.councils } : null;
});

/** The page (not a worker, not main's tests): no DOM types here, main's tsconfig compiles this file too. */
const page = globalThis as unknown as {
  document?: unknown;
  localStorage?: { removeItem(key: string): void };
  location: { reload(): void };
  addEventListener(type: 'storage', listener: (event: { key: string | null }) => void): void;
};

if (page.document && page.localStorage) {
  const storage = page.localStorage;
  guardPointedDatabase(db, () => {
    console.warn(`[審議会デスク] データベース ${db.name} が見つかりません。既定のデータベースに戻します。`);
    storage.removeItem(DB_POINTER_KEY);
    page.location.reload();
  });
  // Another window switched the database (a restore): this one follows.
  page.addEventListener('storage', (event) => {
    if (event.key === DB_POINTER_KEY) page.location.reload();
  });
}
