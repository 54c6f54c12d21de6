/**
 * Runs workbook parsing in a worker thread (see xlsx-worker.ts) with a time limit.
 * In the built app the worker is dist/electron/xlsx-worker.cjs next to the bundle; from
 * sources (tests, CLI) it is the .ts file, run through tsx.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { RosterPreview } from '../../shared/contract/councils';
import type { ExistingMember } from './councils/roster-import';
import type { ZipLimits } from './zip-guard';
import type { OpinionImportArgs, OpinionImportPreview } from '../../shared/contract/opinions';

export type WorkerTask =
  | {
      kind: 'roster';
      data: Uint8Array;
      existing: ExistingMember[];
      fileName: string;
      opts: { limits?: ZipLimits; maxRows?: number };
    }
  | { kind: 'opinions'; args: OpinionImportArgs; fileName: string };

const here = typeof __dirname === 'string' ? __dirname : path.resolve('electron/services');

/** The worker's code: the built file, or (from sources) a bootstrap that loads the .ts through tsx. */
function workerEntry(): { file: string; eval: boolean } {
  const built = path.join(here, 'xlsx-worker.cjs');
  if (existsSync(built)) return { file: built, eval: false };
  const source = path.join(here, 'xlsx-worker.ts');
  if (existsSync(source))
    return { file: `require('tsx/cjs/api').register(); require(${JSON.stringify(source)});`, eval: true };
  throw new AppError('INTERNAL', 'Excel ファイルを読み込む部品が見つかりません。アプリを入れ直してください。');
}

const TIME_LIMIT_MS = 60_000;

export function runWorkbookTask<T>(task: WorkerTask, timeLimitMs = TIME_LIMIT_MS): Promise<T> {
  const entry = workerEntry();
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(entry.file, {
      eval: entry.eval,
      workerData: task,
      // A hostile file may try to exhaust memory: the worker dies, main lives on.
      resourceLimits: { maxOldGenerationSizeMb: 1024 },
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError(
              'INVALID_FILE',
              `「${task.fileName || 'ファイル'}」の読み込みに時間がかかりすぎるため中止しました。ファイルの大きさを確認してください。`,
            ),
          ),
        ),
      timeLimitMs,
    );
    worker.on('message', (msg: { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } }) =>
      finish(() => (msg.ok ? resolve(msg.value) : reject(new AppError(msg.error.code, msg.error.message)))),
    );
    worker.on('error', () =>
      finish(() =>
        reject(
          new AppError('INVALID_FILE', `「${task.fileName || 'ファイル'}」を読み込めませんでした（メモリ不足）。`),
        ),
      ),
    );
    worker.on('exit', () =>
      finish(() => reject(new AppError('INVALID_FILE', `「${task.fileName || 'ファイル'}」を読み込めませんでした。`))),
    );
  });
}

/** The roster preview, parsed off the main thread. */
export function parseRosterOffThread(
  data: Uint8Array,
  existing: ExistingMember[],
  fileName = '',
  opts: Extract<WorkerTask, { kind: 'roster' }>['opts'] = {},
): Promise<RosterPreview> {
  return runWorkbookTask<RosterPreview>({ kind: 'roster', data, existing, fileName, opts });
}

/** The 意見シート preview, parsed off the main thread. */
export function readOpinionSheetOffThread(args: OpinionImportArgs): Promise<OpinionImportPreview> {
  return runWorkbookTask<OpinionImportPreview>({ kind: 'opinions', args, fileName: args.fileName });
}
