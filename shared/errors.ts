/**
 * Typed errors that cross the contract. Main never sends a stack trace: only a code
 * and a Japanese message a city-hall user can act on.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'CANCELLED',
  'NOT_FOUND',
  'FILE_BUSY',
  'FILE_NOT_WRITABLE',
  'INVALID_FILE',
  'INVALID_RESULT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** Field-level problems for INVALID_ARGUMENT / INVALID_FILE: where and what. */
  details?: { path: string; message: string }[];
}

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_ARGUMENT: '入力内容に誤りがあるため、処理を行いませんでした。',
  UNKNOWN_CHANNEL: '存在しない操作が要求されました。',
  FORBIDDEN: 'この操作は許可されていません。',
  CANCELLED: '操作を取り消しました。',
  NOT_FOUND: '対象が見つかりません。',
  FILE_BUSY:
    'ファイルが他のアプリケーションで開かれているため、保存できません。Word や Excel で開いている場合は閉じてから、もう一度お試しください。',
  FILE_NOT_WRITABLE: '保存先に書き込めません。保存先のフォルダやファイルの権限を確認してください。',
  INVALID_FILE: 'ファイルを読み込めませんでした。形式を確認してください。',
  INVALID_RESULT: '処理結果の形式が正しくありません。',
  INTERNAL: '予期しないエラーが発生しました。もう一度お試しください。',
};

export class AppError extends Error implements AppErrorShape {
  readonly code: ErrorCode;
  readonly details?: { path: string; message: string }[];
  constructor(code: ErrorCode, message: string = DEFAULT_MESSAGES[code], details?: AppErrorShape['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details) this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

export function isAppErrorShape(v: unknown): v is AppErrorShape {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as AppErrorShape).code === 'string' &&
    typeof (v as AppErrorShape).message === 'string'
  );
}

/** What every channel answers: never a thrown error across the boundary. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
