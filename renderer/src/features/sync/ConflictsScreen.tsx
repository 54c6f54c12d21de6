/**
 * 「競合」: every record two people changed at the same time (team sync, docs/TEAM.md). Both
 * versions side by side, field by field, text with the drafts' diff view; the user keeps
 * this PC's version, takes the other one, or edits a merge. The choice replicates to everyone
 * (`mirror.resolve`), and the row disappears on every PC.
 */
import { useEffect, useState } from 'react';
import { Badge, Button, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useSearchParams } from 'react-router-dom';
import { diffText } from '../../../../shared/drafts';
import { useNotify } from '../../app/notify';
import { DiffMarked } from '../../ui/DiffMarked';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { resolve, useConflicts, type ConflictVersion, type NamedConflict } from './data';
import { useCouncilAccess } from './people';
import { ReadOnlyNotice } from './ReadOnly';
import { differingFields, mergeFields, showValue, tableLabel, type FieldRow } from './fields';
import { whenText } from './when';

const useStyles = makeStyles({
  card: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: '14px 18px',
    marginBottom: '16px',
    ':target': { outline: `2px solid ${tokens.colorBrandStroke1}` },
  },
  head: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap', marginBottom: '8px' },
  grid: {
    display: 'grid',
    gridTemplateColumns: '160px 1fr 1fr',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: '#fff',
  },
  th: {
    fontWeight: 600,
    padding: '6px 10px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  cell: {
    padding: '8px 10px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    lineHeight: 1.7,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  label: { fontWeight: 600 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', marginTop: '10px' },
});

function Side({ row, side, table }: { row: FieldRow; side: 'old' | 'new'; table: string }) {
  const value = side === 'old' ? row.mine : row.theirs;
  if (row.text && (row.mine || row.theirs)) {
    if (value === undefined && table === 'minutes') return <Text italic>（記録の文のまま）</Text>;
    return <DiffMarked ops={diffText(String(row.mine ?? ''), String(row.theirs ?? ''))} side={side} />;
  }
  return <>{showValue(value)}</>;
}

function versionHead(v: ConflictVersion | undefined, mine: boolean): string {
  const who = v?.by ? `${v.by}・` : '';
  return `${mine ? 'この PC の版' : '相手の版'}（${who}${whenText(v?.at)}）`;
}

function ConflictCard({ conflict }: { conflict: NamedConflict }) {
  const s = useStyles();
  const notify = useNotify();
  const mine = conflict.versions.find((v) => v.rev === conflict.local) ?? conflict.versions[0];
  const others = conflict.versions.filter((v) => v !== mine);
  const [which, setWhich] = useState(0);
  const theirs = others[Math.min(which, others.length - 1)];
  const rows = differingFields(conflict.table, mine?.record ?? null, theirs?.record ?? null);
  const [merge, setMerge] = useState<Record<string, string> | null>(null);
  const [busy, setBusy] = useState(false);
  const deleted = (v?: ConflictVersion) => !v || v.record === null;
  // 閲覧のみ: the versions are compared, not resolved (the server would refuse the resolution).
  const { readOnly } = useCouncilAccess(conflict.councilId);

  const keep = async (record: Record<string, unknown> | null, done: string) => {
    setBusy(true);
    try {
      await resolve(conflict, record);
      notify.success(done);
    } catch (e) {
      notify.error(e, '競合を解決できませんでした');
      setBusy(false);
    }
  };
  const startMerge = () =>
    setMerge(Object.fromEntries(rows.filter((r) => r.text).map((r) => [r.path, String(r.mine ?? r.theirs ?? '')])));

  return (
    <section
      className={s.card}
      id={`conflict-${conflict.table}-${conflict.id}`}
      aria-label={`競合：${tableLabel(conflict.table)}「${conflict.title}」`}
    >
      <div className={s.head}>
        <Badge appearance="filled" color="danger">
          競合
        </Badge>
        <Text weight="semibold" size={400}>
          {tableLabel(conflict.table)}「{conflict.title}」
        </Text>
        {conflict.council ? <Text size={200}>{conflict.council}</Text> : null}
      </div>
      {others.length > 1 ? (
        <div className={s.actions} role="group" aria-label="比べる版">
          {others.map((v, i) => (
            <Button
              key={v.rev}
              size="small"
              appearance={i === which ? 'primary' : 'secondary'}
              onClick={() => setWhich(i)}
            >
              {v.by || '相手'}の版
            </Button>
          ))}
        </div>
      ) : null}
      <div className={s.grid} role="table" aria-label="二つの版の比較">
        <div role="row" style={{ display: 'contents' }}>
          <div role="columnheader" className={s.th}>
            項目
          </div>
          <div role="columnheader" className={s.th}>
            {versionHead(mine, true)}
          </div>
          <div role="columnheader" className={s.th}>
            {versionHead(theirs, false)}
          </div>
        </div>
        {deleted(mine) || deleted(theirs) ? (
          <div role="row" style={{ display: 'contents' }}>
            <div role="rowheader" className={`${s.cell} ${s.label}`}>
              記録
            </div>
            <div role="cell" className={s.cell}>
              {deleted(mine) ? '（削除しました）' : '（残っています）'}
            </div>
            <div role="cell" className={s.cell}>
              {deleted(theirs) ? '（削除されました）' : '（残っています）'}
            </div>
          </div>
        ) : null}
        {rows.map((r) => (
          <div role="row" key={r.path} style={{ display: 'contents' }}>
            <div role="rowheader" className={`${s.cell} ${s.label}`}>
              {r.label}
            </div>
            <div role="cell" className={s.cell}>
              {merge && r.text && merge[r.path] !== undefined ? (
                <Textarea
                  value={merge[r.path]}
                  aria-label={`まとめた文：${r.label}`}
                  resize="vertical"
                  style={{ width: '100%' }}
                  rows={Math.min(10, Math.max(3, Math.ceil((merge[r.path] ?? '').length / 30)))}
                  onChange={(_, d) => setMerge((m) => ({ ...m, [r.path]: d.value }))}
                />
              ) : (
                <Side row={r} side="old" table={conflict.table} />
              )}
            </div>
            <div role="cell" className={s.cell}>
              <Side row={r} side="new" table={conflict.table} />
            </div>
          </div>
        ))}
      </div>
      <ReadOnlyNotice readOnly={readOnly} what="記録（競合の解決）" />
      <div className={s.actions}>
        {readOnly ? null : merge ? (
          <>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() =>
                void keep(mergeFields(mine?.record ?? theirs?.record ?? {}, merge), 'まとめた内容で競合を解決しました')
              }
            >
              まとめた内容で解決
            </Button>
            <Button disabled={busy} onClick={() => setMerge(null)}>
              まとめるのをやめる
            </Button>
          </>
        ) : (
          <>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void keep(mine?.record ?? null, 'この PC の版を残しました')}
            >
              この PC の版を残す
            </Button>
            <Button disabled={busy} onClick={() => void keep(theirs?.record ?? null, '相手の版を採りました')}>
              相手の版を採る
            </Button>
            {rows.some((r) => r.text) && !deleted(mine) ? (
              <Button disabled={busy} onClick={startMerge}>
                まとめて編集
              </Button>
            ) : null}
          </>
        )}
      </div>
    </section>
  );
}

export function ConflictsScreen() {
  const conflicts = useConflicts();
  const [params] = useSearchParams();
  const target = params.get('record');
  // A marker links here with the record: bring it into view once it is drawn.
  const drawn = conflicts !== undefined;
  useEffect(() => {
    if (target && drawn) document.getElementById(`conflict-${target}`)?.scrollIntoView({ block: 'start' });
  }, [target, drawn]);
  return (
    <div>
      <PageHeader
        title="競合"
        subtitle="同じ記録を複数の PC で同時に変えたものです。どちらの変更も失われていません。残す版を選ぶと、その結果が全員に届きます。"
      />
      {conflicts === undefined ? null : conflicts.length === 0 ? (
        <EmptyState title="競合はありません">
          <Text>チームの全員の変更が一つにまとまっています。</Text>
        </EmptyState>
      ) : (
        conflicts.map((c) => <ConflictCard key={`${c.table}:${c.id}`} conflict={c} />)
      )}
    </div>
  );
}
