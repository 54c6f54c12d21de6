/**
 * The minutes (会議録) of one meeting: edit paragraph by paragraph, see which remarks feed
 * each one, preview the Word layout in each version, run the publication checks, move the
 * minutes through 作成中 → 確認中 → 確定 → 公開済, and export to Word (main builds the file).
 */
import { useMemo, useState } from 'react';
import { useLiveQuery } from '../../data/live';
import { useParams } from 'react-router-dom';
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
  Spinner,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, DocumentArrowDown20Regular, LockClosed20Regular } from '@fluentui/react-icons';
import { minutesRecords, writeMinutes } from './data';
import { call } from '../../platform/bridge';
import { useNotify } from '../../app/notify';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { dateOrDash, meetingDate, meetingTitle } from '../../ui/format';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { MeetingStatusBadge } from '../meetings';
import {
  buildMinutesModel,
  MINUTES_MODE_LABELS,
  type MinutesInput,
  type MinutesMode,
} from '../../../../shared/minutes/model';
import { applyFixes, checksModel, runChecks, type Fix } from '../../../../shared/minutes/checks';
import {
  ACTION_LABELS,
  applyAction,
  availableActions,
  editEntry,
  emptyMinutes,
  isLocked,
  isOverdue,
  minutesDueDate,
  WorkflowError,
  type MinutesAction,
} from '../../../../shared/minutes/workflow';
import type { Minutes } from '../../../../shared/domain';
import { formatWareki, todayInTokyo } from '../../../../shared/wareki';
import { MinutesEditor } from './MinutesEditor';
import { MinutesPreview } from './MinutesPreview';
import { ChecksPanel } from './ChecksPanel';
import { useOperatorName } from '../settings';
import { SavedFileBar, useExport } from '../../ui/exporting';
import { PromoteRemarksDialog } from '../opinions';

type TabKey = 'edit' | 'preview' | 'checks' | 'history';

/** 令和8年11月21日 21:24 (in Japan time). */
function historyTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const time = d.toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit' });
  return `${formatWareki(todayInTokyo(d))} ${time}`;
}

function useMinutesRecords(meetingId: string) {
  return useLiveQuery(() => minutesRecords(meetingId), [meetingId]);
}

export function MinutesScreen() {
  const { meetingId = '' } = useParams();
  const notify = useNotify();
  const who = useOperatorName();
  const data = useMinutesRecords(meetingId);
  const [tab, setTab] = useState<TabKey>('edit');
  const [previewMode, setPreviewMode] = useState<MinutesMode>('internal');
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const [pendingAction, setPendingAction] = useState<MinutesAction | null>(null);
  const [reason, setReason] = useState('');
  const [publishDate, setPublishDate] = useState(todayInTokyo());
  const [confirmPublicExport, setConfirmPublicExport] = useState(false);
  const exporter = useExport();
  const [promoteOpen, setPromoteOpen] = useState(false);
  const exporting = exporter.busy as MinutesMode | null;

  const input = useMemo<Omit<MinutesInput, 'mode'> | null>(
    () =>
      data
        ? {
            council: data.council,
            members: data.members,
            staff: data.staff,
            meeting: data.meeting,
            remarks: data.remarks,
            minutes: data.minutes,
          }
        : null,
    [data],
  );
  const editModel = useMemo(() => (input ? buildMinutesModel({ ...input, mode: 'internal' }) : null), [input]);
  const previewModel = useMemo(
    () => (input ? buildMinutesModel({ ...input, mode: previewMode }) : null),
    [input, previewMode],
  );
  const findings = useMemo(() => (input ? runChecks(input) : []), [input]);

  if (data === undefined) return <Spinner label="読み込み中…" />;
  if (data === null || !input || !editModel || !previewModel) return <NotFoundScreen what="会議" />;
  const { meeting, council } = data;
  const minutes: Minutes = data.minutes ?? emptyMinutes(meeting.id, new Date().toISOString());
  const locked = isLocked(meeting.status);
  const editCount = Object.keys(minutes.edits).length;
  const due = minutesDueDate(meeting, council);

  /** Writes the minutes (and, with a status change, the meeting) in one transaction. */
  const write = async (
    change: (m: Minutes) => Minutes,
    extra?: { meeting?: typeof meeting; clearNeedsCheck?: string[] },
  ) => {
    await writeMinutes(meeting.id, change, extra);
  };

  const saveEdit = async (key: string, text: string, place: string) => {
    try {
      const now = new Date().toISOString();
      await write((m) => ({
        ...m,
        edits: { ...m.edits, [key]: text },
        history: [...m.history, editEntry(who, now, `文章を編集：${place}`, text.slice(0, 200))],
      }));
    } catch (e) {
      notify.error(e, '会議録を保存できませんでした');
      throw e;
    }
  };
  const revert = async (key: string, place: string) => {
    try {
      const now = new Date().toISOString();
      await write((m) => {
        const edits = { ...m.edits };
        delete edits[key];
        return { ...m, edits, history: [...m.history, editEntry(who, now, `記録の文に戻す：${place}`)] };
      });
    } catch (e) {
      notify.error(e, '会議録を保存できませんでした');
    }
  };
  const regenerate = async () => {
    setConfirmRegenerate(false);
    try {
      const now = new Date().toISOString();
      await write((m) => ({
        ...m,
        edits: {},
        history: [
          ...m.history,
          editEntry(who, now, '記録から作り直す', `手直し ${Object.keys(m.edits).length}段落を破棄`),
        ],
      }));
      notify.success('記録から作り直しました');
    } catch (e) {
      notify.error(e, '作り直せませんでした');
    }
  };
  const setStyle = async (style: Minutes['style']) => {
    try {
      const now = new Date().toISOString();
      await write((m) => ({
        ...m,
        style,
        history: [
          ...m.history,
          editEntry(who, now, `筆記の形式を変更：${style === 'summary' ? '要点筆記' : '発言者別'}`),
        ],
      }));
    } catch (e) {
      notify.error(e, '形式を変更できませんでした');
    }
  };
  const applyChecks = async (fixes: Fix[], what: string) => {
    try {
      const model = checksModel(input);
      const result = applyFixes(model, minutes.edits, fixes);
      const now = new Date().toISOString();
      await write((m) => ({ ...m, edits: result.edits, history: [...m.history, editEntry(who, now, what)] }), {
        clearNeedsCheck: result.clearNeedsCheck,
      });
      notify.success('修正を適用しました', `${result.applied}件`);
    } catch (e) {
      notify.error(e, '修正を適用できませんでした');
    }
  };
  const runAction = async (action: MinutesAction) => {
    try {
      const now = new Date().toISOString();
      const next = applyAction(meeting, minutes, council, action, { who, now, reason, date: publishDate });
      await write(() => next.minutes, { meeting: next.meeting });
      setPendingAction(null);
      setReason('');
      notify.success(`会議録を「${next.meeting.status}」にしました`);
    } catch (e) {
      if (e instanceof WorkflowError) notify.info(e.message);
      else notify.error(e, '状態を変更できませんでした');
    }
  };
  const exportDocx = async (mode: MinutesMode) => {
    setConfirmPublicExport(false);
    // The raw records go to main; main builds (and for the 公開版, redacts) the document itself.
    await exporter.run(
      '会議録',
      () =>
        call('minutes:export:docx', {
          council: data.council,
          members: data.members,
          staff: data.staff,
          meeting: data.meeting,
          remarks: data.remarks,
          minutes: data.minutes,
          mode,
        }),
      mode,
    );
  };

  const gotoParagraph = (key: string) => {
    setTab('edit');
    // After the editor has rendered: bring the paragraph into view and to the keyboard.
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`[data-paragraph="${CSS.escape(key)}"]`);
      if (!el) return;
      el.scrollIntoView({ block: 'center' });
      el.focus();
    });
  };

  const councilBase = `/councils/${council.id}`;
  return (
    <>
      <PageHeader
        title={`${meetingTitle(meeting)} 会議録`}
        crumbs={[
          { label: 'ホーム', to: '/' },
          { label: council.name, to: councilBase },
          { label: '会議', to: `${councilBase}/meetings` },
          { label: `${meetingTitle(meeting)} 会議録` },
        ]}
        subtitle={`${meetingDate(meeting)}　${council.name}`}
        actions={
          <>
            <Button onClick={() => setPromoteOpen(true)}>意見として取り込む</Button>
            <Button
              icon={<DocumentArrowDown20Regular />}
              disabled={!!exporting}
              onClick={() => void exportDocx('internal')}
            >
              {exporting === 'internal' ? '作成中…' : '内部版を出力'}
            </Button>
            <Button
              icon={<DocumentArrowDown20Regular />}
              disabled={!!exporting}
              onClick={() => void exportDocx('review')}
            >
              {exporting === 'review' ? '作成中…' : '確認用（案）を出力'}
            </Button>
            <Button
              appearance="primary"
              icon={<DocumentArrowDown20Regular />}
              disabled={!!exporting}
              onClick={() => (findings.length ? setConfirmPublicExport(true) : void exportDocx('public'))}
            >
              {exporting === 'public' ? '作成中…' : '公開版を出力'}
            </Button>
          </>
        }
      />
      <SavedFileBar saved={exporter.saved} onClose={exporter.clear} />
      <PromoteRemarksDialog
        councilId={council.id}
        meetingId={meeting.id}
        open={promoteOpen}
        onClose={() => setPromoteOpen(false)}
      />

      <Section
        title="状態"
        actions={
          <>
            {availableActions(meeting.status).map((a) => (
              <Button
                key={a}
                appearance={a === 'reopen' || a === 'back-to-draft' ? 'secondary' : 'primary'}
                onClick={() => (a === 'reopen' || a === 'publish' ? setPendingAction(a) : void runAction(a))}
              >
                {ACTION_LABELS[a]}
              </Button>
            ))}
          </>
        }
      >
        <div style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap' }}>
          <span aria-label="会議録の状態">
            <MeetingStatusBadge status={meeting.status} />
          </span>
          {locked ? (
            <Badge icon={<LockClosed20Regular />} appearance="tint" color="brand">
              確定済みのため編集できません
            </Badge>
          ) : null}
          <Text>作成期限：{dateOrDash(due)}</Text>
          {isOverdue(meeting, council) ? (
            <Badge appearance="filled" color="danger">
              期限切れ
            </Badge>
          ) : null}
          {minutes.publishedAt ? <Text>公開日：{dateOrDash(minutes.publishedAt)}</Text> : null}
          <Text style={{ color: tokens.colorNeutralForeground3 }}>作業者：{who}</Text>
        </div>
      </Section>

      <Section
        title="筆記の形式"
        actions={
          <Button
            icon={<ArrowClockwise20Regular />}
            disabled={locked}
            onClick={() => (editCount ? setConfirmRegenerate(true) : void regenerate())}
          >
            記録から作り直す
          </Button>
        }
      >
        <RadioGroup
          layout="horizontal"
          value={minutes.style}
          disabled={locked}
          onChange={(_, d) => void setStyle(d.value as Minutes['style'])}
          aria-label="筆記の形式"
        >
          <Radio value="summary" label="要点筆記（意見を分野ごとに箇条書き）" />
          <Radio value="speaker" label="発言者別（○発言者 ごとに順に）" />
        </RadioGroup>
        <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
          手直しした段落：{editCount}件。会議録の文章を直しても、元の記録（メモ）は変わりません。
        </Text>
      </Section>

      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabKey)}
        aria-label="会議録の画面"
        style={{ marginBottom: 8 }}
      >
        <Tab value="edit">編集</Tab>
        <Tab value="preview">プレビュー</Tab>
        <Tab value="checks">公用文チェック（{findings.length}）</Tab>
        <Tab value="history">履歴（{minutes.history.length}）</Tab>
      </TabList>

      {tab === 'edit' ? (
        <Section title="本文（会議内容）">
          <MinutesEditor model={editModel} remarks={data.remarks} locked={locked} onSave={saveEdit} onRevert={revert} />
        </Section>
      ) : null}
      {tab === 'preview' ? (
        <Section
          title="プレビュー（Word と同じ内容）"
          actions={
            <RadioGroup
              layout="horizontal"
              value={previewMode}
              onChange={(_, d) => setPreviewMode(d.value as MinutesMode)}
              aria-label="プレビューする版"
            >
              {(['internal', 'public', 'review'] as const).map((m) => (
                <Radio key={m} value={m} label={MINUTES_MODE_LABELS[m]} />
              ))}
            </RadioGroup>
          }
        >
          <MinutesPreview model={previewModel} />
        </Section>
      ) : null}
      {tab === 'checks' ? (
        <Section title="公用文チェック（公開版の文章）">
          <ChecksPanel findings={findings} locked={locked} onApply={applyChecks} onGoto={gotoParagraph} />
        </Section>
      ) : null}
      {tab === 'history' ? (
        <Section title="変更の履歴">
          {minutes.history.length === 0 ? (
            <Text>まだ履歴はありません。</Text>
          ) : (
            <Table size="small" aria-label="会議録の履歴">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: 190 }}>日時</TableHeaderCell>
                  <TableHeaderCell style={{ width: 140 }}>誰が</TableHeaderCell>
                  <TableHeaderCell>何を</TableHeaderCell>
                  <TableHeaderCell>理由・内容</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...minutes.history].reverse().map((h, i) => (
                  <TableRow key={i}>
                    <TableCell>{historyTime(h.at)}</TableCell>
                    <TableCell>{h.who}</TableCell>
                    <TableCell>{h.action}</TableCell>
                    <TableCell>{h.reason}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Section>
      ) : null}

      <Dialog open={confirmRegenerate} onOpenChange={(_, d) => setConfirmRegenerate(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>記録から作り直しますか？</DialogTitle>
            <DialogContent>
              手で直した {editCount} 件の段落が、記録から作った文章に置き換わります。元の記録（メモ）は変わりません。
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirmRegenerate(false)}>やめる</Button>
              <Button appearance="primary" onClick={() => void regenerate()}>
                手直しを破棄して作り直す
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog
        open={pendingAction !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setPendingAction(null);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{pendingAction ? ACTION_LABELS[pendingAction] : ''}</DialogTitle>
            <DialogContent>
              {pendingAction === 'reopen' ? (
                <Field label="確定を解除する理由" required hint="履歴に残ります。">
                  <Textarea value={reason} onChange={(_, d) => setReason(d.value)} aria-label="確定を解除する理由" />
                </Field>
              ) : (
                <Field label="公開日" required>
                  <Input
                    type="date"
                    value={publishDate}
                    onChange={(_, d) => setPublishDate(d.value)}
                    aria-label="公開日"
                  />
                </Field>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setPendingAction(null)}>やめる</Button>
              <Button
                appearance="primary"
                disabled={pendingAction === 'reopen' ? !reason.trim() : !publishDate}
                onClick={() => pendingAction && void runAction(pendingAction)}
              >
                {pendingAction ? ACTION_LABELS[pendingAction] : ''}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>

      <Dialog open={confirmPublicExport} onOpenChange={(_, d) => setConfirmPublicExport(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>公用文チェックの指摘があります</DialogTitle>
            <DialogContent>
              公開版の文章に {findings.length} 件の指摘があります（
              {findings.filter((f) => f.rule === 'hiddenName').length
                ? '伏せるべき氏名は出力時に役職・記号に置き換えます。'
                : ''}
              非公開の記録は出力されません）。指摘を確認してから出力することをお勧めします。
            </DialogContent>
            <DialogActions>
              <Button
                onClick={() => {
                  setConfirmPublicExport(false);
                  setTab('checks');
                }}
              >
                指摘を確認する
              </Button>
              <Button appearance="primary" onClick={() => void exportDocx('public')}>
                このまま出力する
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
