/** Settings kept in the database: the 作業者名 (also stamped as updatedBy by the write path), and the record counts shown. */
import { db } from '../../data/db';
import { OPERATOR_NAME_KEY } from '../../data/write';
import { useLiveQuery } from '../../data/live';
import { call } from '../../platform/bridge';
import { backupNow } from '../../data/backup';
import { announceBackup } from '../../data/activity';
import { openRestoreWorker } from '../../data/backupRestore';
import { rebuildSearchIndex, startSearchWorker, stopSearchWorker } from '../search';
import { LATEST_SCHEMA_VERSION, newRestoredDbName } from '../../data/database';
import {
  beforeRestoreBackupPending,
  deleteDatabase,
  restoreInPlaceForTeam,
  RESTORE_TIMING_KEY,
  switchToRestoredDatabase,
} from '../../data/restoreSwitch';
import { AppError } from '../../../../shared/errors';
import {
  councilRecords,
  installPackageRecords,
  readSharedFingerprints,
  readTrackedTables,
  rememberShared,
  restoreRecords,
  rowsWritten,
  userRecordsWritten,
  type RestoreResult,
} from '../../data/restore';
import { PACKAGE_CHUNK_BYTES } from '../../../../shared/contract/datasafe';
import { STORED_NAME } from '../../../../shared/contract/councils';
import { classifyImport, referencedStoredNames, type TableRecords } from '../../../../shared/package';

export function readOperatorName() {
  return db.meta.get(OPERATOR_NAME_KEY);
}

export async function saveOperatorName(name: string): Promise<void> {
  await db.meta.put({ key: OPERATOR_NAME_KEY, value: name.trim() });
}

/** How many councils, remarks and opinions the database holds (undefined while counting). */
export function useRecordCounts() {
  return useLiveQuery(
    async () => ({
      councils: await db.councils.count(),
      remarks: await db.remarks.count(),
      opinions: await db.opinions.count(),
    }),
    [],
  );
}

/** The councils, for the package export choice. */
export function useCouncilList() {
  return useLiveQuery(() => db.councils.toArray(), []);
}

// ---------------------------------------------------------- restore and council packages

export function readBackupSummary(name: string) {
  return call('backup:read:summary', { name, schemaVersion: LATEST_SCHEMA_VERSION });
}

/**
 * Restores a backup (everything, or one council).
 * - everything: the restore worker reads the backup and writes its records into a NEW database
 *   as the file arrives (main brings the attachments back meanwhile); only when that is complete is
 *   the app switched to it (data/restoreSwitch.ts) — the caller then reloads the page. The
 *   previous database is the state before the restore: its 「復元の前」 backup is written from
 *   it after the reload, and only then is it deleted.
 * - one council: first a backup of the current state (「復元の前」), then the attachments,
 *   then one transaction in the current database.
 */
export async function restoreFromBackup(
  name: string,
  councilId: string | undefined,
  progress: (message: string) => void,
): Promise<RestoreResult & { attachments: number; missing: string[]; switched: boolean }> {
  const worker = openRestoreWorker();
  if (!worker) return { ...(await restoreOnPage(name, councilId, progress)), switched: false };
  try {
    if (!councilId) {
      if (beforeRestoreBackupPending())
        throw new AppError(
          'FILE_BUSY',
          '前回の復元の前のデータのバックアップがまだ書けていません。アプリを再起動してから復元してください。',
        );
      return await restoreEverything(worker, name, progress);
    }
    progress('バックアップを読み込み、現在のデータをバックアップしています（復元の前）…');
    const [read] = await Promise.all([
      worker.read(name, LATEST_SCHEMA_VERSION, councilId),
      backupNow('before-restore'),
    ]);
    progress('添付ファイルを戻しています…');
    const files = await call('backup:restore:attachments', {
      name,
      ...(read.storedNames ? { storedNames: read.storedNames } : {}),
    });
    progress('記録を復元しています…');
    const result = await worker.write(councilId);
    // The records were replaced: the search index is built again from them.
    rebuildSearchIndex();
    return { ...result, attachments: files.restored, missing: files.missing, switched: false };
  } finally {
    worker.end();
  }
}

/**
 * Everything, through the restore worker: the backup read and written into a new database as the
 * file arrives, main bringing the attachments back meanwhile; then the switch (the caller reloads).
 */
async function restoreEverything(
  worker: NonNullable<ReturnType<typeof openRestoreWorker>>,
  name: string,
  progress: (message: string) => void,
): Promise<RestoreResult & { attachments: number; missing: string[]; switched: boolean }> {
  // Background work on this database stops (this window's search worker) or waits as it waits for
  // a backup (other windows'): the database is about to be replaced, and its reads and CPU would
  // slow the restore.
  stopSearchWorker();
  const activity = announceBackup();
  let switched = false;
  const target = newRestoredDbName();
  try {
    const t0 = performance.now();
    progress('バックアップを読み込み、記録を書き込んでいます…');
    let attachmentsMs = 0;
    const [result, files] = await Promise.all([
      worker.restoreNew(name, LATEST_SCHEMA_VERSION, target, db.name, (share) =>
        progress(`バックアップを読み込み、記録を書き込んでいます…（${Math.floor(share * 100)}%）`),
      ),
      call('backup:restore:attachments', { name }).then((r) => ((attachmentsMs = performance.now() - t0), r)),
    ]);
    const t1 = performance.now();
    localStorage.setItem(
      RESTORE_TIMING_KEY,
      JSON.stringify({
        at: Date.now(),
        restoreMs: Math.round(t1 - t0),
        startMs: Math.round(result.startedAt - (performance.timeOrigin + t0)),
        fetchMs: Math.round(result.fetchMs),
        parseMs: Math.round(result.parseMs),
        putMs: Math.round(result.putMs),
        workerMs: Math.round(result.totalMs),
        attachmentsMs: Math.round(attachmentsMs),
        bytes: result.bytes,
        records: userRecordsWritten(result.written),
        rows: rowsWritten(result.written),
      }),
    );
    const message = restoredText(result.written, files.restored, files.missing.length);
    await switchToRestoredDatabase(db.name, target, message);
    switched = true;
    return { ...result, attachments: files.restored, missing: files.missing, switched: true };
  } finally {
    // Switched, the page reloads (the announcement ends, the search worker starts on the restored database).
    if (!switched) {
      activity.end();
      startSearchWorker();
      // Whatever failed (the attachments, the switch), the new database is not the app's. If the
      // worker still has it open, it goes when the worker ends (restoreFromBackup's finally).
      void deleteDatabase(target).catch(() => undefined);
    }
  }
}

/** 「復元しました：…」 as the restore section shows it. */
/** The message after a restore: the user's records written (`written`: RestoreResult's), the attachments. */
export function restoredText(written: Record<string, number>, attachments: number, missing: number): string {
  const records = userRecordsWritten(written);
  return `復元しました：記録 ${records}件、添付ファイル ${attachments}件${missing ? `（見つからない添付ファイル ${missing}件）` : ''}`;
}

/** The same without workers: main parses the backup and the page writes the records. */
async function restoreOnPage(
  name: string,
  councilId: string | undefined,
  progress: (message: string) => void,
): Promise<RestoreResult & { attachments: number; missing: string[] }> {
  progress('バックアップを読み込み、現在のデータをバックアップしています（復元の前）…');
  const [backup] = await Promise.all([
    call('backup:read', { name, schemaVersion: LATEST_SCHEMA_VERSION }),
    backupNow('before-restore'),
  ]);
  const records = councilId ? councilRecords(backup.tables, councilId) : backup.tables;
  progress('添付ファイルを戻しています…');
  const storedNames = councilId ? [...referencedStoredNames(records, STORED_NAME)] : undefined;
  const files = await call('backup:restore:attachments', { name, ...(storedNames ? { storedNames } : {}) });
  progress('記録を復元しています…');
  const result = councilId
    ? await restoreRecords(db, backup.tables, { councilId })
    : await restoreInPlaceForTeam(() => restoreRecords(db, backup.tables));
  rebuildSearchIndex();
  return { ...result, attachments: files.restored, missing: files.missing };
}

/** 「この審議会を書き出す」: the council's records as a .shingikai package (main adds the files). */
export async function exportCouncilPackage(councilId: string) {
  const tables = councilRecords(await readTrackedTables(db), councilId);
  const written = await call('package:write', { tables, schemaVersion: LATEST_SCHEMA_VERSION });
  await rememberShared(db, councilId, tables);
  return written;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Uploads a package file in pieces and reads it back checked; nothing is written to the database. */
export async function uploadPackage(file: File, progress: (message: string) => void) {
  const uploadId = crypto.randomUUID();
  const pieces = Math.max(1, Math.ceil(file.size / PACKAGE_CHUNK_BYTES));
  for (let index = 0; index < pieces; index++) {
    progress(`ファイルを送っています（${index + 1} / ${pieces}）…`);
    const chunk = file.slice(index * PACKAGE_CHUNK_BYTES, (index + 1) * PACKAGE_CHUNK_BYTES);
    const base64 = toBase64(new Uint8Array(await chunk.arrayBuffer()));
    await call('package:upload:chunk', { uploadId, index, base64, last: index === pieces - 1 });
  }
  progress('内容を確認しています…');
  const read = await call('package:read', { uploadId, fileName: file.name });
  const councilIds = (read.tables.councils ?? []).map((c) => String(c.id));
  const shared = await readSharedFingerprints(db, councilIds);
  const preview = classifyImport(await readTrackedTables(db), read.tables, {}, shared);
  return { uploadId, ...read, preview };
}

/** After the user confirmed: the files, then the chosen councils' records in one transaction. */
export async function installPackage(
  uploadId: string,
  tables: TableRecords,
  choices: { councilId: string; overwriteConflicts: boolean }[],
) {
  const files = await call('package:install:files', { uploadId, councilIds: choices.map((c) => c.councilId) });
  const records = await installPackageRecords(db, tables, choices, classifyImport);
  await call('package:discard', { uploadId }).catch(() => undefined);
  return { ...files, records };
}

export function discardPackage(uploadId: string) {
  return call('package:discard', { uploadId }).catch(() => undefined);
}
