/**
 * The renderer's one way to main. In Electron the preload script has put the bridge
 * on window; in browser mode the same contract goes over fetch to the loopback
 * server (authenticated by the cookie it set when the page was opened).
 */
import type { ArgOf, Channel, MenuCommand, ResultOf, ShingikaiBridge } from '../../../shared/contract';
import { AppError, isAppErrorShape, type Envelope } from '../../../shared/errors';

declare global {
  interface Window {
    shingikai?: ShingikaiBridge;
  }
}

const webBridge: ShingikaiBridge = {
  mode: 'browser',
  async invoke(channel, arg) {
    let response: Response;
    try {
      response = await fetch(`api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify(arg ?? {}),
      });
    } catch {
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: 'アプリのサービスに接続できません。ブラウザーモードのサーバーが終了していないか確認してください。',
        },
      };
    }
    const body: unknown = await response.json().catch(() => null);
    if (body && typeof body === 'object' && 'ok' in body) return body as Envelope<ResultOf<typeof channel>>;
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `サービスから予期しない応答がありました（${response.status}）。` },
    };
  },
  onMenuCommand(_listener: (c: MenuCommand) => void) {
    return () => {}; // browser mode has no application menu
  },
};

export const bridge: ShingikaiBridge = window.shingikai ?? webBridge;

/** Calls a channel; answers its value or throws an AppError carrying the Japanese message. */
export async function call<C extends Channel>(channel: C, arg: ArgOf<C>): Promise<ResultOf<C>> {
  let envelope: Envelope<ResultOf<C>>;
  try {
    envelope = await bridge.invoke(channel, arg);
  } catch {
    throw new AppError('INTERNAL');
  }
  if (envelope.ok) return envelope.value;
  const e = isAppErrorShape(envelope.error)
    ? envelope.error
    : { code: 'INTERNAL' as const, message: '予期しないエラーが発生しました。' };
  throw new AppError(e.code, e.message, e.details);
}
