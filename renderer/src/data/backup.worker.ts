/**
 * The backup worker: reads every table and writes the backup JSON off the page's thread, so
 * typing stays live while a backup of years of records is made. In browser mode it also
 * sends the JSON to the loopback server itself (the request body is another copy of it,
 * made here too); in Electron the page hands the JSON to the preload bridge.
 * One backup per worker; the page ends the worker when it has answered.
 */
import { db } from './db';
import { exportDatabaseJson } from './restore';

export type ToBackupWorker = {
  reason: string;
  /** Browser mode: the server's api/ URL (the worker posts the backup there). Electron: null. */
  apiUrl: string | null;
};
export type FromBackupWorker =
  | { type: 'sent'; envelope: unknown; status: number }
  | { type: 'json'; json: string }
  | { type: 'error'; message: string };

/** Rows per read: the worker's thread has nothing else to do, so fewer, larger slices. */
const SLICE_ROWS = 5000;

const post = (m: FromBackupWorker) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (event: MessageEvent<ToBackupWorker>) => {
  const { reason, apiUrl } = event.data;
  try {
    const json = await exportDatabaseJson(db, SLICE_ROWS);
    db.close();
    if (!apiUrl) return post({ type: 'json', json });
    const response = await fetch(`${apiUrl}${encodeURIComponent('backup:write')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ json, reason }),
    });
    const envelope: unknown = await response.json().catch(() => null);
    post({ type: 'sent', envelope, status: response.status });
  } catch (error) {
    post({ type: 'error', message: String(error) });
  }
};
