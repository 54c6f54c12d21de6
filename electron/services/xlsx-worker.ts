/**
 * Worker thread entry: parses a workbook a user brought, so that a slow or hostile file
 * never blocks the main process (Electron's UI and IPC). One task per worker; the
 * result or a typed error is posted back. Built to dist/electron/xlsx-worker.cjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { parseRosterWorkbook } from './councils/roster-import';
import { readOpinionSheet } from './opinions/import';
import type { WorkerTask } from './xlsx-off-thread';

async function run(task: WorkerTask): Promise<unknown> {
  switch (task.kind) {
    case 'roster':
      return parseRosterWorkbook(task.data, task.existing, task.fileName, task.opts);
    case 'opinions':
      return readOpinionSheet(task.args);
  }
}

run(workerData as WorkerTask).then(
  (value) => parentPort?.postMessage({ ok: true, value }),
  (error) =>
    parentPort?.postMessage({
      ok: false,
      error:
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { code: 'INVALID_FILE', message: 'ファイルを読み込めませんでした。' },
    }),
);
