/** The Japanese application menu. Commands for the UI go to the focused window as 'menu:command'. */
import { app, BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';

function send(command: MenuCommand) {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send('menu:command', command);
}

export function buildMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: '審議会デスク',
            submenu: [
              { role: 'about' as const, label: '審議会デスクについて' },
              { type: 'separator' as const },
              { role: 'quit' as const, label: '審議会デスクを終了' },
            ],
          },
        ]
      : []),
    {
      label: 'ファイル(&F)',
      submenu: [
        { label: 'サンプルを読み込む', click: () => send('load-sample') },
        { label: '今すぐバックアップ', accelerator: 'CmdOrCtrl+Shift+B', click: () => send('backup-now') },
        { type: 'separator' },
        { role: 'quit', label: '終了(&X)' },
      ],
    },
    {
      label: '編集(&E)',
      submenu: [
        { role: 'undo', label: '元に戻す' },
        { role: 'redo', label: 'やり直す' },
        { type: 'separator' },
        { role: 'cut', label: '切り取り' },
        { role: 'copy', label: 'コピー' },
        { role: 'paste', label: '貼り付け' },
        { role: 'selectAll', label: 'すべて選択' },
      ],
    },
    {
      label: '表示(&V)',
      submenu: [
        { label: 'ホーム', accelerator: 'CmdOrCtrl+Shift+H', click: () => send('go-home') },
        { label: '審議会一覧', accelerator: 'CmdOrCtrl+Shift+L', click: () => send('go-councils') },
        { type: 'separator' },
        { role: 'zoomIn', label: '拡大' },
        { role: 'zoomOut', label: '縮小' },
        { role: 'resetZoom', label: '実際のサイズ' },
        { role: 'togglefullscreen', label: '全画面表示' },
        ...(app.isPackaged
          ? []
          : [{ type: 'separator' as const }, { role: 'toggleDevTools' as const, label: '開発者ツール' }]),
      ],
    },
    {
      label: 'ヘルプ(&H)',
      submenu: [
        { label: 'キーボードショートカット', accelerator: 'F1', click: () => send('show-shortcuts') },
        { label: 'バージョン情報', click: () => send('about') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
