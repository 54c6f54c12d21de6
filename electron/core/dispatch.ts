/**
 * The one door into main's services, shared by Electron IPC and the browser-mode
 * server: check the channel, validate the argument against the contract, run the
 * handler, validate its result, and answer an envelope. Nothing but a typed error
 * (code + Japanese message) ever leaves: no stack trace, no raw exception text.
 */
import type { z } from 'zod';
import '../../shared/zod-ja';
import { contract, isChannel, type Channel, type Contract, type ResultOf } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';

export type Handler<C extends Channel> = (arg: z.output<Contract[C]['args']>) => Promise<ResultOf<C>> | ResultOf<C>;
export type Handlers = { [C in Channel]: Handler<C> };
export type Logger = (message: string, error?: unknown) => void;

function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
}

export async function dispatch(
  handlers: Handlers,
  channelName: unknown,
  rawArg: unknown,
  log: Logger = () => {},
): Promise<Envelope<unknown>> {
  if (!isChannel(channelName)) {
    return { ok: false, error: new AppError('UNKNOWN_CHANNEL').toShape() };
  }
  const def = contract[channelName];
  const parsed = def.args.safeParse(rawArg);
  if (!parsed.success) {
    return { ok: false, error: new AppError('INVALID_ARGUMENT', undefined, issuesOf(parsed.error)).toShape() };
  }
  try {
    const handler = handlers[channelName] as (arg: unknown) => Promise<unknown> | unknown;
    const value = await handler(parsed.data);
    const checked = def.result.safeParse(value);
    if (!checked.success) {
      log(`result of ${channelName} does not match the contract`, checked.error);
      return { ok: false, error: new AppError('INVALID_RESULT').toShape() };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toShape() };
    log(`${channelName} failed`, error);
    return { ok: false, error: new AppError('INTERNAL').toShape() };
  }
}
