/**
 * Electron's side of the contract: one ipcMain handler per declared channel, each
 * checking that the message comes from the app's own main frame, and the Platform
 * implemented with Electron's dialogs and shell.
 */
import { BrowserWindow, dialog, ipcMain, shell, type WebFrameMain } from 'electron';
import path from 'node:path';
import { CHANNELS } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { dispatch, type Handlers, type Logger } from '../core/dispatch';
import type { Platform } from '../core/platform';
import { isAppUrl } from '../core/security';

function isTrustedSender(frame: WebFrameMain | null): boolean {
  if (!frame) return false;
  // Only top-level frames of our own windows, loaded from app://shingikai.
  return (
    frame.parent === null &&
    isAppUrl(frame.url) &&
    BrowserWindow.getAllWindows().some((w) => w.webContents.mainFrame === frame)
  );
}

export function registerIpc(handlers: Handlers, log: Logger): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, arg: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        log(`rejected ${channel} from an untrusted frame`);
        return { ok: false, error: new AppError('FORBIDDEN').toShape() };
      }
      return dispatch(handlers, channel, arg, log);
    });
  }
}

export function createElectronPlatform(getWindow: () => BrowserWindow | null, documentsDir: string): Platform {
  return {
    mode: 'electron',
    defaultExportDir: () => path.join(documentsDir, '審議会デスク'),
    chooseSavePath: async ({ defaultPath, filters }) => {
      const win = getWindow();
      const options = {
        title: '名前を付けて保存',
        defaultPath,
        filters,
        buttonLabel: '保存',
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openPath: async (target) => {
      const problem = await shell.openPath(target);
      if (problem) throw new AppError('NOT_FOUND', `ファイルを開けませんでした: ${problem}`);
    },
    showInFolder: async (target) => shell.showItemInFolder(target),
  };
}
