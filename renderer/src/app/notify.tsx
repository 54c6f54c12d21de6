/** Toast notifications and the one way failed calls are shown to the user. */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { Toast, ToastBody, ToastTitle, Toaster, useId, useToastController } from '@fluentui/react-components';
import { AppError } from '../../../shared/errors';
import { toDataError } from '../data/errors';

interface Notify {
  success(title: string, body?: ReactNode): void;
  info(title: string, body?: ReactNode): void;
  /** Shows an error's Japanese message (AppError) or a generic one; CANCELLED is silent. */
  error(error: unknown, title?: string): void;
}

const NotifyContext = createContext<Notify | null>(null);

export function describeError(error: unknown): { message: string; details: string[] } {
  error = toDataError(error) ?? error;
  if (error instanceof AppError)
    return {
      message: error.message,
      details: (error.details ?? []).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)),
    };
  if (error && typeof error === 'object' && (error as { name?: string }).name === 'QuotaExceededError') {
    return {
      message: 'ディスクの空き容量が不足しているため保存できませんでした。不要なファイルを削除してください。',
      details: [],
    };
  }
  return { message: '予期しないエラーが発生しました。もう一度お試しください。', details: [] };
}

export function NotifyProvider({ children }: { children: ReactNode }) {
  const toasterId = useId('toaster');
  const { dispatchToast } = useToastController(toasterId);
  const show = useCallback(
    (intent: 'success' | 'info' | 'error', title: string, body?: ReactNode) => {
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {body ? <ToastBody>{body}</ToastBody> : null}
        </Toast>,
        { intent, timeout: intent === 'error' ? 10000 : 4000 },
      );
    },
    [dispatchToast],
  );
  const value = useMemo<Notify>(
    () => ({
      success: (t, b) => show('success', t, b),
      info: (t, b) => show('info', t, b),
      error: (err, title = 'エラー') => {
        if (err instanceof AppError && err.code === 'CANCELLED') return;
        console.error(err);
        const { message, details } = describeError(err);
        show(
          'error',
          title,
          <span role="alert">
            {message}
            {details.length ? (
              <>
                <br />
                {details.slice(0, 5).join(' / ')}
              </>
            ) : null}
          </span>,
        );
      },
    }),
    [show],
  );
  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Toaster toasterId={toasterId} position="top-end" pauseOnHover />
    </NotifyContext.Provider>
  );
}

export function useNotify(): Notify {
  const n = useContext(NotifyContext);
  if (!n) throw new Error('useNotify outside NotifyProvider');
  return n;
}
