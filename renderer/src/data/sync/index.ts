/** Team sync: the Dexie ↔ PouchDB mirror (see mirror.ts) and its records. */
export {
  Mirror,
  syncErrorMessage,
  type CouncilStatus,
  type CouncilSyncState,
  type MirrorOptions,
  type MirrorStatus,
  type SyncHop,
} from './mirror';
export { councilDbName, docId, parseDocId } from './docs';
export type { ConflictVersion, MirrorDoc, SyncConflict, SyncRecord, SyncStateRecord } from './model';
export type { PouchDatabase, PouchDoc } from './pouch';
export { FileMirror, type FileMirrorOptions, type FileMirrorStatus, type FileStore } from './files';
