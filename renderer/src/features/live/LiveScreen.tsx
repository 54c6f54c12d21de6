/**
 * 記録（ライブ）: the screen kept open through a meeting. The agenda on the left (current item
 * highlighted), the stream of remarks in the middle, the entry line at the bottom.
 * Everything works from the keyboard (see shortcuts.ts); typing never waits for the list,
 * and nothing typed is lost (data.ts). Its state lives in hooks/: the entry draft, the
 * records, the list editing, the commit and the picking.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useParams } from 'react-router-dom';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { KeyboardRegular, SlideTextRegular } from '@fluentui/react-icons';
import { PageHeader } from '../../ui/PageHeader';
import { meetingDate, meetingTime, meetingTitle } from '../../ui/format';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { openShortcutsDialog } from '../../ui/shortcuts';
import { useNotify } from '../../app/notify';
import type { Council, Meeting, Member, Staff } from '../../../../shared/domain';
import { speakerLabel } from '../../../../shared/speakers';
import { speakerKey } from './speakerPick';
import { readEntryDraft, useLiveRecords, type LiveDraft } from './data';
import { knownBaseMs } from './time';
import { RemarkList, type RemarkListHandle, type RowInfo } from './RemarkList';
import { useSelectHighlighted } from '../search';
import { openProjector } from './openProjector';
import { PromoteRemarksDialog } from '../opinions';
import { ReadOnlyArea, ReadOnlyNotice, useCouncilAccess } from '../sync';
import { useLiveStyles } from './styles';
import { AgendaNav } from './AgendaNav';
import { EntryPanel } from './EntryPanel';
import { useRemarkRecords } from './hooks/useRemarkRecords';
import { useEntryDraft } from './hooks/useEntryDraft';
import { useListEditing } from './hooks/useListEditing';
import { useCommit } from './hooks/useCommit';
import { usePicking } from './hooks/usePicking';
import { answerTargets } from './answerLink';

/** The keys a reader (閲覧のみ) may use in the list: moving through it, nothing that edits. */
const READ_ONLY_KEYS = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Escape', 'Tab']);

/** The reader's fieldset around the list keeps the stream's column layout (the list scrolls in it). */
const LIST_AREA = { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' } as const;

export function LiveScreen() {
  const { meetingId = '' } = useParams();
  const data = useLiveRecords(meetingId);
  // The stored entry line is read once: from then on this screen is its only writer.
  const [draft, setDraft] = useState<LiveDraft | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setDraft(undefined);
    readEntryDraft(meetingId).then(
      (d) => {
        if (live) setDraft(d ?? null);
      },
      () => {
        if (live) setDraft(null);
      },
    );
    return () => {
      live = false;
    };
  }, [meetingId]);
  if (data === undefined || draft === undefined) return <Spinner label="読み込み中…" />;
  if (data === null) return <NotFoundScreen what="会議" />;
  return <LiveSession key={meetingId} {...data} initialDraft={draft} />;
}

interface SessionProps {
  meeting: Meeting;
  council: Council;
  members: Member[];
  staff: Staff[];
  initialDraft: LiveDraft | null;
}

function LiveSession({ meeting, council, members, staff, initialDraft }: SessionProps) {
  const s = useLiveStyles();
  const notify = useNotify();
  const meetingId = meeting.id;
  const records = useRemarkRecords(meetingId);
  const { remarks, remarksRef, applyLocal } = records;
  const draft = useEntryDraft(meeting, initialDraft);
  const { entryRef, flushDraft, storageError, setStorageError, onSaveResult } = draft;
  const listRef = useRef<RemarkListHandle>(null);
  const list = useListEditing({
    remarksRef,
    entryRef,
    listRef,
    applyLocal,
    onSaveResult,
    clearError: useCallback(() => setStorageError(null), [setStorageError]),
  });
  const { selected, setSelected, lastUndo, undo } = list;
  const commit = useCommit({
    meeting,
    draft,
    remarksRef,
    nextOrder: records.nextOrder,
    setPending: records.setPending,
    applyLocal,
    clearSelection: useCallback(() => setSelected(null), [setSelected]),
  });
  const picking = usePicking({
    meeting,
    council,
    members,
    staff,
    setMeta: draft.setMeta,
    itemRef: draft.itemRef,
    setItemId: draft.setItemId,
    entryRef,
    listRef,
    remarksRef,
    selectedRef: list.selectedRef,
    run: list.run,
  });
  const { ctx, onScreenKey, openAnswerPicker } = picking;
  const [promoteOpen, setPromoteOpen] = useState(false);
  // Team use: a member who only reads the council (閲覧のみ) records nothing and edits no remark.
  const { readOnly } = useCouncilAccess(council.id);
  const onListKey = list.onListKey;
  const browseOnly = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.altKey || e.ctrlKey || e.metaKey || !READ_ONLY_KEYS.has(e.key)) return;
      onListKey(e);
    },
    [onListKey],
  );
  useSelectHighlighted(remarks, setSelected); // a search result (?highlight=<remarkId>) selects its row

  // ---- rows: labels and names resolved once per change of the roster
  const info: RowInfo = useMemo(() => {
    const agenda = new Map(meeting.agenda.map((a) => [a.id, a.title]));
    const fields = new Map(council.fields.map((f) => [f.id, f.name]));
    const labels = new Map<string, string>();
    return {
      speakerLabel: (r) => {
        const key = speakerKey(r.speaker);
        let l = labels.get(key);
        if (l === undefined) {
          l = speakerLabel(r.speaker, ctx, 'name');
          labels.set(key, l);
        }
        return l;
      },
      agendaTitle: (id) => (id ? (agenda.get(id) ?? '（削除された議題）') : '議題なし'),
      fieldName: (id) => (id ? (fields.get(id) ?? '') : ''),
    };
  }, [meeting.agenda, council.fields, ctx]);

  // 「回答先：…」 under each 回答: the linked question or the one recorded right before it.
  const answers = useMemo(() => answerTargets(remarks, info.speakerLabel), [remarks, info]);
  const onPickAnswer = useCallback(() => openAnswerPicker('list'), [openAnswerPicker]);

  useEffect(() => {
    entryRef.current?.focus();
  }, [entryRef]);

  const clockBase = useMemo(() => knownBaseMs(meeting, remarks, Date.now()), [meeting, remarks]);
  const base = `/councils/${council.id}`;

  return (
    <div className={s.root} onKeyDown={readOnly ? undefined : onScreenKey}>
      <PageHeader
        title={`${meetingTitle(meeting)} 記録（ライブ）`}
        crumbs={[
          { label: 'ホーム', to: '/' },
          { label: council.name, to: base },
          { label: '会議', to: `${base}/meetings` },
          { label: meetingTitle(meeting), to: `${base}/meetings/${meeting.id}` },
          { label: '記録（ライブ）' },
        ]}
        subtitle={`${meetingDate(meeting)}　${meetingTime(meeting)}　${meeting.venues.join('、')}`}
        actions={
          <>
            <Button
              icon={<SlideTextRegular />}
              onClick={() =>
                void openProjector(meeting).catch((err) => notify.error(err, 'プロジェクター表示を開けませんでした'))
              }
            >
              プロジェクター表示（Alt+P）
            </Button>
            {readOnly ? null : <Button onClick={() => setPromoteOpen(true)}>意見として取り込む</Button>}
            <Button icon={<KeyboardRegular />} onClick={openShortcutsDialog}>
              ショートカット（F1）
            </Button>
          </>
        }
      />
      {promoteOpen ? (
        <PromoteRemarksDialog
          councilId={council.id}
          meetingId={meetingId}
          open
          onClose={() => setPromoteOpen(false)}
          initialSelection={selected !== null && remarks[selected] ? [remarks[selected]!.id] : []}
        />
      ) : null}
      {storageError ? (
        <div role="alert">
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>保存できません</MessageBarTitle>
              {storageError}
            </MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={flushDraft}>
                もう一度保存する
              </Button>
            </MessageBarActions>
          </MessageBar>
        </div>
      ) : null}
      {lastUndo ? (
        <MessageBar intent="info">
          <MessageBarBody>「{lastUndo.label}」を行いました。</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void undo()}>
              元に戻す（Ctrl+Z）
            </Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div className={s.columns}>
        <AgendaNav
          meeting={meeting}
          remarks={remarks}
          itemId={draft.itemId}
          onPick={(id) => {
            draft.setItemId(id);
            entryRef.current?.focus();
          }}
        />
        <div className={s.stream}>
          {!records.loaded ? (
            <Spinner label="記録を読み込み中…" />
          ) : (
            <ReadOnlyArea readOnly={readOnly} style={LIST_AREA}>
              <RemarkList
                ref={listRef}
                remarks={remarks}
                info={info}
                selected={selected}
                editing={readOnly ? false : list.editing}
                onSelect={list.onSelect}
                onKey={readOnly ? browseOnly : onListKey}
                onSave={list.onSaveEdit}
                onSplit={list.onSplit}
                onCancelEdit={list.onCancelEdit}
                answers={answers}
                onPickAnswer={onPickAnswer}
              />
            </ReadOnlyArea>
          )}
        </div>
      </div>
      {readOnly ? (
        <ReadOnlyNotice readOnly what="発言の記録" />
      ) : (
        <EntryPanel
          meeting={meeting}
          council={council}
          draft={draft}
          picking={picking}
          clockBase={clockBase}
          initialText={initialDraft?.text ?? ''}
          onCommit={commit}
          onLeave={list.focusList}
        />
      )}
    </div>
  );
}
