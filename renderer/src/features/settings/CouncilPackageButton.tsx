/** 「この審議会を書き出す」 in a council's header: the same .shingikai package as 「データと設定」 writes. */
import { useState } from 'react';
import { Button, Tooltip } from '@fluentui/react-components';
import { ArrowExportRegular } from '@fluentui/react-icons';
import { useNotify } from '../../app/notify';
import { exportCouncilPackage } from './data';

export function CouncilPackageButton({ councilId }: { councilId: string }) {
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const r = await exportCouncilPackage(councilId);
      notify.success('審議会データを書き出しました', r.file.path);
    } catch (e) {
      notify.error(e, '書き出せませんでした');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Tooltip
      relationship="description"
      content="別のパソコンへの移行、後任への引き継ぎ、任期終了後の保管に使うファイル（.shingikai）を書き出します"
    >
      <Button icon={<ArrowExportRegular />} disabled={busy} onClick={() => void run()}>
        {busy ? '書き出しています…' : 'この審議会を書き出す'}
      </Button>
    </Tooltip>
  );
}
