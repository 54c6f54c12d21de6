/** Sends records to main for a Word export and offers to open what was saved. */
import { useCallback, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { call } from '../../bridge';
import { useNotify } from '../../app/notify';
import type { ArgOf, Channel, SavedFile } from '../../../../shared/contract';
import type { Council } from '../../../../shared/domain';

export const fontsOf = (council: Council) => ({ body: council.publication.bodyFont, heading: council.publication.headingFont });

export function useExport() {
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const run = useCallback(async <C extends 'drafts:export:docx' | 'drafts:export:comparison'>(key: string, channel: C & Channel, arg: ArgOf<C>) => {
    setBusy(key);
    try {
      const saved = (await call(channel, arg)) as SavedFile;
      notify.success('Word 文書を保存しました', (
        <span>
          {saved.name}
          <br />
          <Button size="small" appearance="transparent" onClick={() => void call('file:open:saved', { path: saved.path }).catch((e) => notify.error(e))}>ファイルを開く</Button>
          <Button size="small" appearance="transparent" onClick={() => void call('file:show:saved', { path: saved.path }).catch((e) => notify.error(e))}>フォルダを開く</Button>
        </span>
      ));
      return saved;
    } catch (error) {
      notify.error(error, 'Word 文書を保存できませんでした');
      return null;
    } finally {
      setBusy(null);
    }
  }, [notify]);
  return { busy, run };
}
