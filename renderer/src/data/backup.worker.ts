/**
 * The backup worker: reads every table and writes the backup JSON off the page's thread, so
 * typing stays live while a backup of years of records is made. The JSON is made ONCE, as
 * pieces handed to a Blob (encoded to UTF-8 there; never one giant string, never a JSON
 * string inside another JSON):
 * - browser mode: the worker posts the Blob itself as the request body (reason in the URL);
 *   the page sees only the small answer;
 * - Electron: the bytes go to the page as a transferred ArrayBuffer (moved, not copied),
 *   which hands them to the preload bridge.
 * One backup per worker; the page ends the worker when it has answered.
 */
import { db } from './db';
import { exportDatabaseParts } from './restore';

export type ToBackupWorker = {
  reason: string;
  /** Browser mode: the server's api/ URL (the worker posts the backup there). Electron: null. */
  apiUrl: string | null;
};
export type FromBackupWorker =
  | { type: 'sent'; envelope: unknown; status: number }
  | { type: 'bytes'; bytes: ArrayBuffer }
  | { type: 'error'; message: string };

/** Rows per read: the worker's thread has nothing else to do, so fewer, larger slices. */
const SLICE_ROWS = 5000;

const post = (m: FromBackupWorker, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(m, transfer);

self.onmessage = async (event: MessageEvent<ToBackupWorker>) => {
  const { reason, apiUrl } = event.data;
  try {
    const blob = new Blob(await exportDatabaseParts(db, SLICE_ROWS), { type: 'application/octet-stream' });
    db.close();
    if (!apiUrl) {
      const bytes = await blob.arrayBuffer();
      return post({ type: 'bytes', bytes }, [bytes]);
    }
    const response = await fetch(
      `${apiUrl}${encodeURIComponent('backup:write')}?reason=${encodeURIComponent(reason)}`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        credentials: 'same-origin',
        body: blob,
      },
    );
    const envelope: unknown = await response.json().catch(() => null);
    post({ type: 'sent', envelope, status: response.status });
  } catch (error) {
    post({ type: 'error', message: String(error) });
  }
};
