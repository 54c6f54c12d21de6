/**
 * Errors of the data layer: a code and a Japanese message the user can act on. DataError
 * is an AppError, so `notify.error` shows its message; `toDataError` turns what IndexedDB
 * or Dexie throws (by error name) into one.
 */
import { AppError, type ErrorCode } from '../../../shared/errors';

export const DATA_ERROR_CODES = ['NOT_FOUND', 'FROZEN', 'IN_USE', 'DUPLICATE', 'QUOTA', 'CONFLICT', 'STORAGE'] as const;
export type DataErrorCode = (typeof DATA_ERROR_CODES)[number];

const APP_CODE: Record<DataErrorCode, ErrorCode> = {
  NOT_FOUND: 'NOT_FOUND',
  FROZEN: 'FORBIDDEN',
  IN_USE: 'FORBIDDEN',
  DUPLICATE: 'INVALID_ARGUMENT',
  QUOTA: 'INTERNAL',
  CONFLICT: 'INTERNAL',
  STORAGE: 'INTERNAL',
};

export class DataError extends AppError {
  readonly dataCode: DataErrorCode;
  constructor(code: DataErrorCode, message: string) {
    super(APP_CODE[code], message);
    this.name = 'DataLayerError'; // not 'DataError': IndexedDB and Dexie use that name for their own errors
    this.dataCode = code;
  }
}

const BY_NAME: Record<string, [DataErrorCode, string]> = {
  QuotaExceededError: [
    'QUOTA',
    'ディスクの空き容量が不足しているため保存できませんでした。不要なファイルを削除してください。',
  ],
  ConstraintError: ['DUPLICATE', '同じ記録がすでに登録されているため保存できませんでした。'],
  PrematureCommitError: ['CONFLICT', '保存の途中で処理が中断されました。もう一度お試しください。'],
  VersionError: ['STORAGE', 'データベースの版がこのアプリより新しいため開けません。アプリを最新版に更新してください。'],
  InvalidStateError: ['STORAGE', 'データベースを開けませんでした。アプリを再起動してください。'],
  DatabaseClosedError: ['STORAGE', 'データベースが閉じられています。アプリを再起動してください。'],
  OpenFailedError: ['STORAGE', 'データベースを開けませんでした。アプリを再起動してください。'],
  DataCloneError: ['STORAGE', '保存できない形式のデータが含まれていたため保存できませんでした。'],
  ReadOnlyError: ['STORAGE', '読み取り専用の処理で書き込もうとしたため保存できませんでした。'],
  AbortError: ['STORAGE', '保存が中断されました。もう一度お試しください。'],
  UnknownError: ['STORAGE', 'データの保存中に問題が発生しました。もう一度お試しください。'],
};

/**
 * A DataError for what the database threw (or the AppError a rule threw inside a Dexie
 * call), or null when it is not a database error.
 */
export function toDataError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (!error || typeof error !== 'object') return null;
  const e = error as { name?: string; inner?: { name?: string } | AppError; failures?: unknown };
  // Dexie wraps what a hook or a bulk write threw (ModifyError, BulkError): show the first cause.
  const failures = Array.isArray(e.failures) ? e.failures : e.failures ? Object.values(e.failures) : [];
  if (failures[0] instanceof AppError) return failures[0];
  if (failures[0]) return toDataError(failures[0]);
  if (e.inner instanceof AppError) return e.inner;
  // Quota errors may arrive as AbortError with the real cause inside.
  const name = e.inner?.name === 'QuotaExceededError' ? 'QuotaExceededError' : e.name;
  const hit = name ? BY_NAME[name] : undefined;
  return hit ? new DataError(hit[0], hit[1]) : null;
}
