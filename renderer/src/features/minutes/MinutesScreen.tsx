/**
 * The minutes (会議録) of one meeting: edit paragraph by paragraph, see which remarks feed
 * each one, preview the Word layout in each version, run the publication checks, move the
 * minutes through 作成中 → 確認中 → 確定 → 公開済, and export to Word (main builds the file).
 */
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Radio, RadioGroup, Spinner, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { useMinutesRecords } from './data';
import { call } from '../../platform/bridge';
import { useNotify } from '../../app/notify';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { meetingDate, meetingTitle } from '../../ui/format';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import {
  buildMinutesModel,
  minutesTextRuleChanges,
  MINUTES_MODE_LABELS,
  type MinutesInput,
  type MinutesMode,
} from '../../../../shared/minutes/model';
import { runChecks } from '../../../../shared/minutes/checks';
import { emptyMinutes, isLocked, type MinutesAction } from '../../../../shared/minutes/workflow';
import type { Minutes } from '../../../../shared/domain';
import { todayInTokyo } from '../../../../shared/wareki';
import { MinutesEditor } from './MinutesEditor';
import { AnswerLinkProvider } from './AnswerLinkSelect';
import { speakerLabel } from '../../../../shared/speakers';
import { revealParagraph } from './ParagraphList';
import { MinutesPreview } from './MinutesPreview';
import { ChecksPanel } from './ChecksPanel';
import { MinutesHistory } from './MinutesHistory';
import { MinutesStatusSection } from './MinutesStatusSection';
import { PublicExportDialog, RegenerateDialog, StatusActionDialog } from './MinutesDialogs';
import { minutesCommands } from './minutesCommands';
import { useOperatorName } from '../settings';
import { SavedFileBar, useExport } from '../../ui/exporting';
import { PromoteRemarksDialog } from '../opinions';
import { conflictLink, differingKeys, useConflict, useConflictIds, useCouncilAccess } from '../sync';
import { teamName } from '../../data/write';
import { TEMPLATE_KIND_LABELS } from '../../../../shared/templates/tags';
import { keepPublicLabels } from '../../data/publicLabels';
import { minutesPublicationReview } from '../../../../shared/publication/review';
import type { PublicationReview } from '../../../../shared/publication/redaction';
import { PublicationReviewDialog } from '../../ui/PublicationReviewDialog';

type TabKey = 'edit' | 'preview' | 'checks' | 'history';

export function MinutesScreen() {
  const { meetingId = '' } = useParams();
  const notify = useNotify();
  const who = useOperatorName();
  const data = useMinutesRecords(meetingId);
  const access = useCouncilAccess(data?.council.id ?? '');
  // Team sync: paragraphs whose hand edits (or source remarks) are in conflict carry a 競合 marker.
  const minutesConflict = useConflict('minutes', meetingId);
  const remarkConflicts = useConflictIds('remarks');
  const conflicts = useMemo(
    () => ({
      keys: minutesConflict ? differingKeys(minutesConflict.versions, 'edits') : new Set<string>(),
      remarks: remarkConflicts,
      link: (remarkId?: string) => (remarkId ? conflictLink('remarks', remarkId) : conflictLink('minutes', meetingId)),
    }),
    [minutesConflict, remarkConflicts, meetingId],
  );
  const [tab, setTab] = useState<TabKey>('edit');
  const [previewMode, setPreviewMode] = useState<MinutesMode>('internal');
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const [pendingAction, setPendingAction] = useState<MinutesAction | null>(null);
  const [reason, setReason] = useState('');
  const [publishDate, setPublishDate] = useState(todayInTokyo());
  const [confirmPublicExport, setConfirmPublicExport] = useState(false);
  const [review, setReview] = useState<PublicationReview | null>(null);
  // What the confirmed 公開版 is written with: the built-in layout or the council's template.
  const [publicWriter, setPublicWriter] = useState<(() => Promise<unknown>) | null>(null);
  const exporter = useExport({ bar: true });
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
  // The preview's model and the checks' rule changes are made when their tab is open (a
  // 3,000-remark meeting opens on the editor without building them).
  const previewModel = useMemo(
    () => (input && tab === 'preview' ? buildMinutesModel({ ...input, mode: previewMode }) : null),
    [input, previewMode, tab],
  );
  const findings = useMemo(() => (input ? runChecks(input) : []), [input]);
  const ruleChanges = useMemo(
    () => (input && tab === 'checks' ? minutesTextRuleChanges({ ...input, mode: 'public' }) : []),
    [input, tab],
  );

  if (data === undefined) return <Spinner label="読み込み中…" />;
  if (data === null || !input || !editModel) return <NotFoundScreen what="会議" />;
  const { meeting, council } = data;
  const minutes: Minutes = data.minutes ?? emptyMinutes(meeting.id, new Date().toISOString());
  // Team use: a reader (閲覧のみ) edits nothing (the server would refuse it), like locked minutes.
  const locked = isLocked(meeting.status) || access.readOnly;
  const editCount = Object.keys(minutes.edits).length;

  const { saveEdit, revert, regenerate, setStyle, applyChecks, runAction, linkAnswer } = minutesCommands({
    meeting,
    council,
    minutes,
    input,
    who: teamName(who, access),
    notify,
  });
  const confirmRegeneration = () => {
    setConfirmRegenerate(false);
    void regenerate();
  };
  const moveStatus = (action: MinutesAction) =>
    runAction(action, { reason, date: publishDate }, () => {
      setPendingAction(null);
      setReason('');
    });
  const exportDocx = async (mode: MinutesMode) => {
    // The records the preview shows go to main; main builds (and for the 公開版, redacts) the document itself.
    await exporter.run('会議録', () => call('minutes:export:docx', { ...input, mode }), mode);
  };

  const minutesTemplates = (council.templates ?? []).filter((t) => t.kind.startsWith('minutes-'));
  const exportTemplate = (t: (typeof minutesTemplates)[number]) =>
    exporter.run(
      '会議録',
      () =>
        call('template:export:document', {
          kind: t.kind as 'minutes-public' | 'minutes-internal' | 'minutes-review',
          storedName: t.storedName,
          ...input,
        }),
      t.kind,
    );
  // 公開版 (built-in or through a template): the letters are stored first (every document then
  // prints the same ones), then every replacement and every blocking place is shown; the checks
  // come after the user confirms.
  const startPublicExport = async (write: () => Promise<unknown>) => {
    try {
      await keepPublicLabels(council.id, [meeting.id]);
      setReview(minutesPublicationReview(input));
      setPublicWriter(() => write);
    } catch (err) {
      notify.error(err, '公開版を出力できませんでした');
    }
  };
  const writePublic = () => {
    setConfirmPublicExport(false);
    if (publicWriter) void publicWriter();
  };
  const confirmReview = () => {
    setReview(null);
    if (findings.length) setConfirmPublicExport(true);
    else writePublic();
  };

  const gotoParagraph = (key: string) => {
    setTab('edit');
    // After the editor has rendered: bring the paragraph into view and to the keyboard.
    requestAnimationFrame(() => {
      const el = document.querySelector<HTMLElement>(`[data-paragraph="${CSS.escape(key)}"]`);
      if (!el) {
        revealParagraph(key); // out of the DOM in a long, virtualised editor
        return;
      }
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
              onClick={() => void startPublicExport(() => exportDocx('public'))}
            >
              {exporting === 'public' ? '作成中…' : '公開版を出力'}
            </Button>
            {minutesTemplates.map((t) => (
              <Button
                key={t.kind}
                icon={<DocumentArrowDown20Regular />}
                disabled={!!exporting}
                onClick={() =>
                  void (t.kind === 'minutes-public' ? startPublicExport(() => exportTemplate(t)) : exportTemplate(t))
                }
              >
                {`テンプレートで出力（${TEMPLATE_KIND_LABELS[t.kind].replace(/^会議録（|）$/g, '')}）`}
              </Button>
            ))}
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

      <MinutesStatusSection
        meeting={meeting}
        council={council}
        minutes={minutes}
        who={teamName(who, access)}
        access={access}
        onAction={(a) => {
          if (a === 'approve' && !access.canApprove)
            return notify.info('会議録を確定できません', access.approveHint ?? undefined);
          if (a === 'reopen' || a === 'publish') setPendingAction(a);
          else void moveStatus(a);
        }}
      />

      <Section
        title="筆記の形式"
        actions={
          <Button
            icon={<ArrowClockwise20Regular />}
            disabled={locked}
            onClick={() => (editCount ? setConfirmRegenerate(true) : confirmRegeneration())}
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
          <AnswerLinkProvider
            value={{
              remarks: data.remarks,
              speakerOf: (r) =>
                speakerLabel(
                  r.speaker,
                  { members: data.members, staff: data.staff, chairMemberId: meeting.chairMemberId },
                  'name',
                ),
              locked,
              onLink: linkAnswer,
            }}
          >
            <MinutesEditor
              model={editModel}
              remarks={data.remarks}
              locked={locked}
              onSave={saveEdit}
              onRevert={revert}
              conflicts={conflicts}
            />
          </AnswerLinkProvider>
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
          {previewModel ? <MinutesPreview model={previewModel} /> : null}
        </Section>
      ) : null}
      {tab === 'checks' ? (
        <Section title="公用文チェック（公開版の文章）">
          <ChecksPanel
            findings={findings}
            locked={locked}
            onApply={applyChecks}
            onGoto={gotoParagraph}
            ruleChanges={ruleChanges}
          />
        </Section>
      ) : null}
      {tab === 'history' ? (
        <Section title="変更の履歴">
          <MinutesHistory history={minutes.history} />
        </Section>
      ) : null}

      <RegenerateDialog
        open={confirmRegenerate}
        editCount={editCount}
        onClose={() => setConfirmRegenerate(false)}
        onConfirm={confirmRegeneration}
      />
      <StatusActionDialog
        action={pendingAction}
        reason={reason}
        onReason={setReason}
        publishDate={publishDate}
        onPublishDate={setPublishDate}
        onClose={() => setPendingAction(null)}
        onRun={(a) => void moveStatus(a)}
      />
      <PublicationReviewDialog
        review={review}
        what="会議録（公開版）"
        onClose={() => setReview(null)}
        onConfirm={confirmReview}
      />
      <PublicExportDialog
        open={confirmPublicExport}
        findings={findings}
        onClose={() => setConfirmPublicExport(false)}
        onReview={() => {
          setConfirmPublicExport(false);
          setTab('checks');
        }}
        onExport={writePublic}
      />
    </>
  );
}
