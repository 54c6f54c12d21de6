/** 「バックアップから復元」 and the council packages (書き出す・読み込む) of 「データと設定」. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  Button,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import type { BackupSummary } from '../../../../shared/contract/datasafe';
import type { CouncilImportPreview, TableRecords } from '../../../../shared/package';
import { formatWarekiDateTime } from '../../../../shared/wareki';
import {
  useCouncilList,
  discardPackage,
  exportCouncilPackage,
  installPackage,
  readBackupSummary,
  restoreFromBackup,
  restoredText,
  uploadPackage,
} from './data';
import { onRestoreSwitch, restoreSwitchState, type RestoreSwitchState } from '../../data/restoreSwitch';
import { subscribeTeamSync, teamSyncStatus } from '../../data/sync/runtime';
import { formatBytes } from '../../../../shared/bytes';

const COUNT_LABELS: [string, string][] = [
  ['members', '委員'],
  ['meetings', '会議'],
  ['remarks', '発言'],
  ['opinions', '意見'],
  ['drafts', '草案'],
];
const countsText = (c: Record<string, number>) => COUNT_LABELS.map(([k, l]) => `${l} ${c[k] ?? 0}件`).join('・');
const STATUS_TEXT: Record<CouncilImportPreview['status'], string> = {
  new: '新規',
  update: '更新あり',
  conflict: '競合あり',
  unchanged: '変更なし',
};

export function RestoreSection({
  backups,
  onRestored,
}: {
  backups: { name: string; bytes: number; createdAt: string }[];
  onRestored: () => void;
}) {
  const notify = useNotify();
  const [name, setName] = useState('');
  const [summary, setSummary] = useState<BackupSummary | null>(null);
  const [target, setTarget] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const preview = async (n: string) => {
    setName(n);
    setSummary(null);
    setTarget(null);
    setMessage('');
    if (!n) return;
    try {
      setSummary(await readBackupSummary(n));
    } catch (e) {
      notify.error(e, 'バックアップを読み込めませんでした');
    }
  };
  // After a full restore the page reloads on the restored database: its message, and the
  // 「復元の前」 backup then written from the previous database.
  const switched = useSyncExternalStore(onRestoreSwitch, restoreSwitchState);
  // That backup is written after the screen listed the backups: the list is read again.
  const beforeRestoreWritten = switched.backup === 'written';
  useEffect(() => {
    if (beforeRestoreWritten) onRestored();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when it is written
  }, [beforeRestoreWritten]);
  // Team use: what a restore does to the records shared with the team, said before it runs.
  const team = useSyncExternalStore(subscribeTeamSync, teamSyncStatus);
  const teamNote =
    team.state === 'off' || target === null
      ? null
      : target
        ? team.councils.includes(target)
          ? 'council'
          : null
        : 'all';
  const run = async () => {
    if (!summary || target === null) return;
    setBusy(true);
    try {
      const r = await restoreFromBackup(summary.name, target || undefined, setMessage);
      if (r.switched) {
        setMessage('復元したデータで開き直しています…');
        window.location.reload();
        return;
      }
      const text = restoredText(r.written, r.attachments, r.missing.length);
      setMessage(text);
      notify.success('バックアップから復元しました', text);
      setTarget(null);
      onRestored();
    } catch (e) {
      setMessage('復元できませんでした。データは復元前のままです。');
      notify.error(e, '復元できませんでした');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="バックアップから復元">
      <Select aria-label="復元するバックアップ" value={name} onChange={(_, d) => void preview(d.value)}>
        <option value="">バックアップを選んでください</option>
        {backups.map((b) => (
          <option key={b.name} value={b.name}>
            {formatWarekiDateTime(b.createdAt)}（{formatBytes(b.bytes)}）
          </option>
        ))}
      </Select>
      {summary ? (
        <>
          <Table size="small" aria-label="バックアップの内容">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>審議会</TableHeaderCell>
                <TableHeaderCell>記録の件数</TableHeaderCell>
                <TableHeaderCell style={{ width: 200 }}>復元</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {summary.councils.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>{c.name}</TableCell>
                  <TableCell>{countsText(c.counts)}</TableCell>
                  <TableCell>
                    <Button size="small" disabled={busy} onClick={() => setTarget(c.id)}>
                      この審議会だけ復元
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text block>添付ファイル {summary.attachments.length}件</Text>
          <Button disabled={busy} onClick={() => setTarget('')}>
            すべて復元
          </Button>
        </>
      ) : null}
      {summary && target !== null ? (
        <div role="group" aria-label="復元の確認">
          <Text block>
            {target
              ? `「${summary.councils.find((c) => c.id === target)?.name ?? ''}」の記録をこのバックアップの内容に置き換えます。`
              : 'すべての記録をこのバックアップの内容に置き換えます。'}
            {target
              ? '先に現在のデータをバックアップします。'
              : '現在のデータは復元の直後にバックアップします（書けるまで現在のデータを残します）。'}
          </Text>
          {teamNote ? (
            <MessageBar intent="warning" role="note" aria-label="チームで使う PC の復元">
              <MessageBarBody>{TEAM_RESTORE_TEXT[teamNote]}</MessageBarBody>
            </MessageBar>
          ) : null}
          <Button appearance="primary" disabled={busy} onClick={() => void run()}>
            復元を実行
          </Button>
          <Button disabled={busy} onClick={() => setTarget(null)}>
            やめる
          </Button>
        </div>
      ) : null}
      {message || switched.message ? (
        <Text block role="status">
          {message || switched.message}
        </Text>
      ) : null}
      {switched.backup !== 'none' ? (
        <Text block role={switched.backup === 'failed' ? 'alert' : 'status'}>
          {beforeRestoreText(switched)}
        </Text>
      ) : null}
    </Section>
  );
}

/** What a restore does on a PC that syncs with the team (docs/TEAM.md §6). */
const TEAM_RESTORE_TEXT = {
  all:
    'この PC はチームで同期しています。復元の前に、この PC でまだ送っていない変更を同期に渡してから同期を止めます。' +
    '復元のあとは同期をやり直し、共有している審議会の記録をサーバーと一件ずつ比べます。バックアップのあとに作られた記録は' +
    'サーバーから届きます。復元した記録のうちサーバーと内容が違うもの（バックアップのあとに誰かが変えた・削除した記録）は' +
    '「競合」になり、「競合」一覧でどちらを残すかを選びます。選ぶまで、この PC には復元した版、ほかの PC にはサーバーの版が' +
    '表示されます。どちらの版も黙って消えることはありません。',
  council:
    'この審議会はチームで共有しています。復元した記録はこの PC での変更としてサーバーに送られ、ほかの PC にも届きます' +
    '（その間にほかの PC で変えられた記録は「競合」になり、どちらを残すかを選べます）。',
} as const;

function beforeRestoreText(s: RestoreSwitchState): string {
  if (s.backup === 'writing') return '復元前のデータをバックアップしています…';
  if (s.backup === 'written') return '復元前のデータをバックアップしました（理由：復元の前）。';
  return `復元前のデータのバックアップを書けませんでした${s.error ? `（${s.error}）` : ''}。復元前のデータはこのPCに残してあり、次回の起動時にもう一度バックアップします。`;
}

interface Loaded {
  uploadId: string;
  tables: TableRecords;
  preview: CouncilImportPreview[];
}

export function PackageSection() {
  const notify = useNotify();
  const councils = useCouncilList();
  const [councilId, setCouncilId] = useState('');
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  /** Per council with conflicts: true = take the package's records, false (default) = keep this PC's. */
  const [overwrite, setOverwrite] = useState<Record<string, boolean>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const selected = councilId || councils?.[0]?.id || '';

  const exportOne = async () => {
    setBusy(true);
    try {
      const r = await exportCouncilPackage(selected);
      notify.success('審議会データを書き出しました', r.file.path);
      setMessage(`書き出しました：${r.file.name}`);
    } catch (e) {
      notify.error(e, '書き出せませんでした');
    } finally {
      setBusy(false);
    }
  };
  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      const r = await uploadPackage(file, setMessage);
      setLoaded({ uploadId: r.uploadId, tables: r.tables, preview: r.preview });
      setChosen(Object.fromEntries(r.preview.map((p) => [p.councilId, p.status === 'new' || p.status === 'update'])));
      setOverwrite({});
      setMessage('内容を確認して、読み込む審議会を選んでください。まだ何も書き込んでいません。');
    } catch (e) {
      setMessage('');
      notify.error(e, '審議会データを読み込めませんでした');
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!loaded) return;
    const choices = loaded.preview
      .filter((p) => chosen[p.councilId])
      .map((p) => ({ councilId: p.councilId, overwriteConflicts: overwrite[p.councilId] === true }));
    setBusy(true);
    try {
      setMessage('読み込んでいます…');
      const r = await installPackage(loaded.uploadId, loaded.tables, choices);
      const text = `読み込みました：審議会 ${choices.length}件、記録 ${r.records}件、添付ファイル ${r.attachments}件`;
      setMessage(text);
      notify.success('審議会データを読み込みました', text);
      setLoaded(null);
    } catch (e) {
      setMessage('読み込めませんでした。データは読み込む前のままです。');
      notify.error(e, '読み込めませんでした');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="審議会データの書き出し・読み込み">
      <Text block>別のパソコンへの移行、後任への引き継ぎ、任期終了後の保管に使います（.shingikai ファイル）。</Text>
      <Select aria-label="書き出す審議会" value={selected} onChange={(_, d) => setCouncilId(d.value)}>
        {(councils ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <Button disabled={busy || !selected} onClick={() => void exportOne()}>
        この審議会を書き出す
      </Button>
      <label>
        <Text>審議会データを読み込む</Text>{' '}
        <input
          type="file"
          accept=".shingikai"
          aria-label="審議会データを読み込む"
          disabled={busy}
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {loaded ? (
        <>
          <Table size="small" aria-label="読み込みの確認">
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: 90 }}>読み込む</TableHeaderCell>
                <TableHeaderCell>審議会</TableHeaderCell>
                <TableHeaderCell>状態</TableHeaderCell>
                <TableHeaderCell>新規</TableHeaderCell>
                <TableHeaderCell>更新</TableHeaderCell>
                <TableHeaderCell>競合</TableHeaderCell>
                <TableHeaderCell>変更なし</TableHeaderCell>
                <TableHeaderCell style={{ width: 230 }}>競合した記録</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {loaded.preview.map((p) => (
                <TableRow key={p.councilId}>
                  <TableCell>
                    <Checkbox
                      aria-label={`${p.name}を読み込む`}
                      checked={!!chosen[p.councilId]}
                      onChange={(_, d) => setChosen({ ...chosen, [p.councilId]: !!d.checked })}
                    />
                  </TableCell>
                  <TableCell>{p.name}</TableCell>
                  <TableCell>{STATUS_TEXT[p.status]}</TableCell>
                  <TableCell>{p.counts.new}</TableCell>
                  <TableCell>{p.counts.update}</TableCell>
                  <TableCell>{p.counts.conflict}</TableCell>
                  <TableCell>{p.counts.unchanged}</TableCell>
                  <TableCell>
                    {p.counts.conflict ? (
                      // Both sides changed these records: the user decides, and the default keeps this PC's.
                      <Select
                        aria-label={`${p.name}の競合した記録の扱い`}
                        value={overwrite[p.councilId] ? 'theirs' : 'mine'}
                        onChange={(_, d) => setOverwrite({ ...overwrite, [p.councilId]: d.value === 'theirs' })}
                      >
                        <option value="mine">このパソコンの内容を残す</option>
                        <option value="theirs">読み込むデータで上書きする</option>
                      </Select>
                    ) : (
                      'なし'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Button
            appearance="primary"
            disabled={busy || !Object.values(chosen).some(Boolean)}
            onClick={() => void confirm()}
          >
            選んだ審議会を読み込む
          </Button>
          <Button
            disabled={busy}
            onClick={() => {
              void discardPackage(loaded.uploadId);
              setLoaded(null);
              setMessage('読み込みをやめました。');
            }}
          >
            やめる
          </Button>
        </>
      ) : null}
      {message ? (
        <Text block role="status">
          {message}
        </Text>
      ) : null}
    </Section>
  );
}
