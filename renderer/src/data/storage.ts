/** Asking the browser to keep the database (IndexedDB is "best effort" otherwise). */
export type PersistState = 'persisted' | 'not-persisted' | 'unsupported';

/** Asks the browser not to evict our data under storage pressure (IndexedDB is "best effort" otherwise). */
export async function requestPersistentStorage(): Promise<PersistState> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.persist) return 'unsupported';
  try {
    if (await storage.persisted()) return 'persisted';
    return (await storage.persist()) ? 'persisted' : 'not-persisted';
  } catch {
    return 'not-persisted';
  }
}
