/**
 * After an export: one way to say the file was saved and to offer 「ファイルを開く」
 * 「フォルダを開く」 (main opens only files it saved itself in this run).
 */
import { useCallback, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular, DocumentRegular, FolderOpenRegular } from '@fluentui/react-icons';
import { call } from '../platform/bridge';
import { useNotify } from '../app/notify';
import type { SavedFile } from '../../../shared/contract';

function SavedFileButtons({ saved, size }: { saved: SavedFile; size?: 'small' | 'medium' }) {
  const notify = useNotify();
  return (
    <>
      <Button
        size={size}
        icon={<DocumentRegular />}
        onClick={() =>
          void call('file:open:saved', { path: saved.path }).catch((e) => notify.error(e, 'ファイルを開けませんでした'))
        }
      >
        ファイルを開く
      </Button>
      <Button
        size={size}
        icon={<FolderOpenRegular />}
        onClick={() =>
          void call('file:show:saved', { path: saved.path }).catch((e) => notify.error(e, 'フォルダを開けませんでした'))
        }
      >
        フォルダを開く
      </Button>
    </>
  );
}

/** The bar that stays under the page header until closed or replaced by the next export. */
export function SavedFileBar({ saved, onClose }: { saved: SavedFile | null; onClose: () => void }) {
  if (!saved) return null;
  return (
    <MessageBar intent="success" style={{ marginBottom: 12 }} aria-label="保存しました">
      <MessageBarBody>
        保存しました：{saved.name}
        {saved.notice ? <span style={{ display: 'block' }}>{saved.notice}</span> : null}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label="閉じる" icon={<DismissRegular />} onClick={onClose} />
        }
      >
        <SavedFileButtons saved={saved} />
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * Runs an export job (which ends in main's saveDocument), shows the outcome and
 * remembers the file for SavedFileBar. A cancelled save dialog is silent.
 * A screen that shows SavedFileBar passes `{ bar: true }`: the bar is then the one notice
 * (a toast saying the same 「保存しました」 beside it would announce the save twice).
 */
export function useExport({ bar = false }: { bar?: boolean } = {}) {
  const notify = useNotify();
  const [saved, setSaved] = useState<SavedFile | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(
    async (label: string, job: () => Promise<SavedFile>, key: string = label): Promise<SavedFile | null> => {
      setBusy(key);
      setSaved(null);
      let file: SavedFile;
      try {
        file = await job();
      } catch (error) {
        setBusy(null);
        notify.error(error, `${label}を保存できませんでした`);
        return null;
      }
      // Ready again before saying so: whoever acts on the message finds the buttons enabled.
      setBusy(null);
      setSaved(file);
      if (!bar)
        notify.success(
          `「${file.name}」を保存しました`,
          <>
            {file.notice ? <span style={{ display: 'block' }}>{file.notice}</span> : null}
            <span style={{ display: 'flex', gap: 8, marginTop: 4 }}>
              <SavedFileButtons saved={file} size="small" />
            </span>
          </>,
        );
      return file;
    },
    [notify, bar],
  );
  return { saved, busy, run, clear: useCallback(() => setSaved(null), []) };
}
