/**
 * The only bridge between the page and main: one frozen object on window. The page
 * never sees ipcRenderer; it can only invoke the channels the contract declares.
 * It imports the zod-free name list (shared/contract/channel-names.ts), not the schemas.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { ShingikaiBridge } from '../../shared/contract';
import { CHANNEL_NAMES, MENU_COMMANDS, type MenuCommand } from '../../shared/contract/channel-names';
import { AppError } from '../../shared/errors';

const channels = new Set<string>(CHANNEL_NAMES);
const commands = new Set<string>(MENU_COMMANDS);

const bridge: ShingikaiBridge = {
  mode: 'electron',
  invoke: (channel, arg) => {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: new AppError('UNKNOWN_CHANNEL').toShape() });
    return ipcRenderer.invoke(channel, arg);
  },
  onMenuCommand: (listener) => {
    const wrapped = (_event: unknown, command: unknown) => {
      if (typeof command === 'string' && commands.has(command)) listener(command as MenuCommand);
    };
    ipcRenderer.on('menu:command', wrapped);
    return () => {
      ipcRenderer.removeListener('menu:command', wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('shingikai', Object.freeze(bridge));
