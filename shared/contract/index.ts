/**
 * THE main↔renderer contract: every channel, declared once, with the runtime schema
 * of its argument and of its result. Main validates each argument before acting and
 * each result before answering; the renderer's bridge is typed from the same table.
 *
 * Channel names follow `area:verb:thing`. A feature adds its channels in its own file
 * here and spreads them into `contract` below.
 */
import type { z } from 'zod';
import { actionsChannels } from './actions';
import type { MenuCommand } from './channel-names';
import { appChannels } from './app';
import { councilsChannels } from './councils';
import { datasafeChannels } from './datasafe';
import { draftsChannels } from './drafts';
import { htmlChannels } from './html';
import { minutesChannels } from './minutes';
import { minutesStyleChannels } from './minutes-style';
import { opinionsChannels } from './opinions';
import { teamChannels } from './team';
import { templatesChannels } from './templates';
import { windowChannels } from './window';

export const contract = {
  ...appChannels,
  ...actionsChannels,
  ...councilsChannels,
  ...datasafeChannels,
  ...draftsChannels,
  ...htmlChannels,
  ...minutesChannels,
  ...minutesStyleChannels,
  ...opinionsChannels,
  ...templatesChannels,
  ...windowChannels,
  ...teamChannels,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ArgOf<C extends Channel> = z.input<Contract[C]['args']>;
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>;
export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** What the preload script (Electron) or the web bridge (browser mode) puts on window. */
export interface ShingikaiBridge {
  readonly mode: 'electron' | 'browser';
  invoke<C extends Channel>(channel: C, arg: ArgOf<C>): Promise<import('../errors').Envelope<ResultOf<C>>>;
  /** Commands from the application menu (Electron) — returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}

export { MENU_COMMANDS, type MenuCommand } from './channel-names';

export * from './app';
export * from './councils';
export * from './datasafe';
export * from './minutes';
export * from './html';
export * from './templates';
export * from './minutes-style';
export * from './window';
export * from './team';
export { channel } from './define';
