/** App-wide commands reachable from the menu, buttons and shortcuts. */
import { useCallback } from 'react';
import { useNavigate } from 'react-router-dom';
import type { MenuCommand } from '../../../shared/contract';
import { backupNow } from '../data/backup';
import { loadSampleIntoApp } from '../data/sample';
import { useNotify } from './notify';
import { openShortcutsDialog } from '../ui/shortcuts';

export function useLoadSample() {
  const navigate = useNavigate();
  const notify = useNotify();
  return useCallback(async () => {
    try {
      const { councilId, created } = await loadSampleIntoApp();
      if (created)
        notify.success('サンプルを読み込みました', '飯塚市行政経営戦略推進審議会（第２回 会議録ほか）を登録しました。');
      else notify.info('サンプルは読み込み済みです', '登録済みのサンプル審議会を表示します。');
      navigate(`/councils/${councilId}`);
    } catch (error) {
      notify.error(error, 'サンプルを読み込めませんでした');
    }
  }, [navigate, notify]);
}

export function useAppCommands() {
  const notify = useNotify();
  const loadSample = useLoadSample();
  return useCallback(
    (command: MenuCommand) => {
      switch (command) {
        case 'load-sample':
          void loadSample();
          break;
        case 'backup-now':
          backupNow('manual').then(
            (info) => notify.success('バックアップを保存しました', info.name),
            (error) => notify.error(error, 'バックアップできませんでした'),
          );
          break;
        case 'show-shortcuts':
          openShortcutsDialog();
          break;
        case 'about':
          notify.info('審議会デスク', '審議会事務局のためのオフライン・デスクトップアプリ');
          break;
        default:
          break;
      }
    },
    [loadSample, notify],
  );
}
