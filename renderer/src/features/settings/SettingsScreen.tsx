import { useEffect, useState } from 'react';
import {
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload24Regular, Save24Regular } from '@fluentui/react-icons';
import { useLoadSample } from '../../app/commands';
import { call } from '../../platform/bridge';
import { requestPersistentStorage, type PersistState } from '../../data/storage';
import { backupNow } from '../../data/backup';
import { useNotify } from '../../app/notify';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import type { AppInfo } from '../../../../shared/contract';
import { OperatorNameSetting } from './operator';
import { useRecordCounts } from './data';
import { PackageSection, RestoreSection } from './DataSafe';
import { TeamSection } from './TeamSection';
import { formatWarekiDateTime } from '../../../../shared/wareki';
import { formatBytes } from '../../../../shared/bytes';

const useStyles = makeStyles({
  dl: { display: 'grid', gridTemplateColumns: '180px 1fr', rowGap: '8px', columnGap: '12px', margin: 0 },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, wordBreak: 'break-all' },
});

const PERSIST_TEXT: Record<PersistState, string> = {
  persisted: '保護されています（ブラウザーが自動で削除しません）',
  'not-persisted': '保護されていません（空き容量が不足すると削除される可能性があります）',
  unsupported: 'この環境では確認できません',
};

export function SettingsScreen() {
  const s = useStyles();
  const notify = useNotify();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [persist, setPersist] = useState<PersistState | null>(null);
  const [backups, setBackups] = useState<{ name: string; bytes: number; createdAt: string }[] | null>(null);
  const [busy, setBusy] = useState(false);
  const loadSample = useLoadSample();
  const counts = useRecordCounts();

  const refresh = () =>
    call('backup:list', {}).then(setBackups, (e) => notify.error(e, 'バックアップ一覧を取得できませんでした'));
  useEffect(() => {
    call('app:get:info', {}).then(setInfo, (e) => notify.error(e, 'アプリ情報を取得できませんでした'));
    void requestPersistentStorage().then(setPersist);
    void refresh();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <>
      <PageHeader title="データと設定" crumbs={[{ label: 'ホーム', to: '/' }, { label: 'データと設定' }]} />
      <Section title="データの保存場所">
        {!info ? (
          <Spinner size="tiny" />
        ) : (
          <dl className={s.dl}>
            <dt className={s.dt}>動作モード</dt>
            <dd className={s.dd}>
              {info.mode === 'electron' ? 'デスクトップアプリ' : 'ブラウザーモード'}（バージョン {info.version}）
            </dd>
            <dt className={s.dt}>記録（委員・会議・発言）</dt>
            <dd className={s.dd}>
              このアプリ内のデータベース（IndexedDB）：審議会 {counts?.councils ?? '…'}件、発言 {counts?.remarks ?? '…'}
              件、意見 {counts?.opinions ?? '…'}件
            </dd>
            <dt className={s.dt}>データベースの保護</dt>
            <dd className={s.dd}>{persist ? PERSIST_TEXT[persist] : '確認中…'}</dd>
            <dt className={s.dt}>設定・バックアップ</dt>
            <dd className={s.dd}>{info.dataDir}</dd>
            {info.exportDir ? (
              <>
                <dt className={s.dt}>出力先フォルダ</dt>
                <dd className={s.dd}>{info.exportDir}</dd>
              </>
            ) : null}
          </dl>
        )}
      </Section>
      <Section
        title="バックアップ"
        actions={
          <Button
            icon={<Save24Regular />}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const b = await backupNow('manual');
                notify.success('バックアップを保存しました', b.name);
                await refresh();
              } catch (e) {
                notify.error(e, 'バックアップできませんでした');
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? '保存中…' : '今すぐバックアップ'}
          </Button>
        }
      >
        <Text block style={{ marginBottom: 8 }}>
          起動から1分後と15分ごとに自動で保存し、新しいものから20件を残します。
        </Text>
        {backups === null ? (
          <Spinner size="tiny" />
        ) : backups.length === 0 ? (
          <Text>まだバックアップはありません。</Text>
        ) : (
          <Table size="small" aria-label="バックアップ一覧">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>ファイル</TableHeaderCell>
                <TableHeaderCell style={{ width: 120 }}>サイズ</TableHeaderCell>
                <TableHeaderCell style={{ width: 220 }}>日時</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {backups.map((b) => (
                <TableRow key={b.name}>
                  <TableCell>{b.name}</TableCell>
                  <TableCell>{formatBytes(b.bytes)}</TableCell>
                  <TableCell>{formatWarekiDateTime(b.createdAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
      {backups && backups.length ? <RestoreSection backups={backups} onRestored={() => void refresh()} /> : null}
      <PackageSection />
      <OperatorNameSetting />
      <TeamSection />
      <Section
        title="サンプル"
        actions={
          <Button icon={<ArrowDownload24Regular />} onClick={() => void loadSample()}>
            サンプルを読み込む
          </Button>
        }
      >
        <Text>
          飯塚市行政経営戦略推進審議会（令和5年7月7日 第２回
          会議録、ビジョン骨子案、各分野の現状と課題）を練習用に登録します。登録済みの場合はその審議会を開きます。
        </Text>
      </Section>
    </>
  );
}
