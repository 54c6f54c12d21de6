/**
 * 記録（ライブ）: the screen kept open through a meeting. The agenda on the left (current item
 * highlighted), the stream of remarks in the middle, the entry line at the bottom.
 * Everything works from the keyboard (see shortcuts.ts); typing never waits for the list,
 * and nothing typed is lost (data.ts). Its state lives in hooks/: the entry draft, the
 * records, the list editing, the commit and the picking.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { useLiveStyles } from './styles';
import { AgendaNav } from './AgendaNav';
import { EntryPanel } from './EntryPanel';
import { useRemarkRecords } from './hooks/useRemarkRecords';
import { useEntryDraft } from './hooks/useEntryDraft';
import { useListEditing } from './hooks/useListEditing';
import { useCommit } from './hooks/useCommit';
import { usePicking } from './hooks/usePicking';

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
  const { ctx, onScreenKey } = picking;
  const [promoteOpen, setPromoteOpen] = useState(false);
<<<<<<< HEAD
=======
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  useSelectHighlighted(remarks, setSelected); // a search result (?highlight=<remarkId>) selects its row
  const undoStack = useRef<Undo[]>([]);
  const [lastUndo, setLastUndo] = useState<Undo | null>(null);
  // List edits run one after another, in the order the keys were pressed.
  const ops = useRef<Promise<void>>(Promise.resolve());
  const run = useCallback(
    (op: () => Promise<Edit | null>) => {
      ops.current = ops.current.then(async () => {
        try {
          const edit = await op();
          if (edit) {
            applyLocal(edit);
            undoStack.current.push(edit.undo);
            setLastUndo(edit.undo);
          }
          setStorageError(null);
        } catch (error) {
          onSaveResult(error);
        }
      });
      return ops.current;
    },
    [onSaveResult, applyLocal],
  );
  const undo = useCallback(async () => {
    const u = undoStack.current.pop();
    if (!u) {
      notify.info('元に戻す操作はありません');
      return;
    }
    try {
      applyLocal(await applyUndo(db, u));
      setLastUndo(undoStack.current[undoStack.current.length - 1] ?? null);
      notify.info(`「${u.label}」を元に戻しました`);
    } catch (error) {
      undoStack.current.push(u);
      onSaveResult(error);
    }
  }, [notify, onSaveResult, applyLocal]);

  const focusEntry = useCallback(() => {
    setSelected(null);
    setEditing(false);
    entryRef.current?.focus();
  }, []);
  const focusList = useCallback(() => {
    if (!remarksRef.current.length) return;
    setSelected((s) => s ?? remarksRef.current.length - 1);
    listRef.current?.focus();
  }, []);

  const onSaveEdit = useCallback(
    (index: number, text: string) => {
      const r = remarksRef.current[index];
      setEditing(false);
      listRef.current?.focus();
      if (!r || r.text === text) return;
      void run(() => updateRemark(db, r.id, { text }, '編集'));
    },
    [run],
  );
  const onSplit = useCallback(
    (index: number, text: string, at: number) => {
      setEditing(false);
      listRef.current?.focus();
      if (at <= 0 || at >= text.length) return;
      const r = remarksRef.current[index];
      if (!r) return;
      void run(() => splitRemark(db, r.id, remarksRef.current[index + 1]?.id ?? null, at, text, randomId()));
      setSelected(index + 1);
    },
    [run],
  );
  const onCancelEdit = useCallback(() => {
    setEditing(false);
    listRef.current?.focus();
  }, []);

  // ---- speaker, kind, field, flags (for the entry line, or the selected remark)
  const ctx: SpeakerContext = useMemo(
    () => ({ members, staff, chairMemberId: meeting.chairMemberId }),
    [members, staff, meeting.chairMemberId],
  );
  const choices = useMemo(
    () => speakerChoices(members, staff, meeting.chairMemberId),
    [members, staff, meeting.chairMemberId],
  );
  const labelOf = useCallback((sp: Speaker) => speakerLabel(sp, ctx, 'name'), [ctx]);
  const [picker, setPicker] = useState<Picker>(null);
  const targetIsList = () =>
    selectedRef.current !== null && !!document.activeElement?.closest('[aria-label="記録の一覧"]');

  const change = useCallback(
    (target: 'entry' | 'list', patch: Partial<EntryMeta>, label: string) => {
      if (target === 'entry') {
        setMeta((m) => ({ ...m, ...patch }));
        return;
      }
      const r = selectedRef.current !== null ? remarksRef.current[selectedRef.current] : undefined;
      if (r) void run(() => updateRemark(db, r.id, patch, label));
    },
    [run],
  );
  const toggle = useCallback(
    (target: 'entry' | 'list', flag: 'nonPublic' | 'needsCheck') => {
      const label = flag === 'nonPublic' ? '非公開の切り替え' : '要確認の切り替え';
      if (target === 'entry') {
        setMeta((m) => ({ ...m, [flag]: !m[flag] }));
        return;
      }
      const r = selectedRef.current !== null ? remarksRef.current[selectedRef.current] : undefined;
      if (r) void run(() => toggleFlag(db, r.id, flag, label));
    },
    [run],
  );
  const moveItem = useCallback(
    (dir: 1 | -1) => {
      const i = meeting.agenda.findIndex((a) => a.id === itemRef.current);
      const next = meeting.agenda[Math.min(Math.max(i + dir, 0), meeting.agenda.length - 1)];
      if (next) setItemId(next.id);
    },
    [meeting.agenda],
  );

  const pickerRef = useRef(picker);
  pickerRef.current = picker;
  const closePicker = useCallback(() => {
    const p = pickerRef.current;
    if (!p) return; // already closed (a blur after the pick)
    pickerRef.current = null;
    setPicker(null);
    // At once, not later: a deferred focus could land after the next picker has opened.
    (p.target === 'list' ? listRef.current : entryRef.current)?.focus();
  }, []);

  const onScreenKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.nativeEvent.isComposing || !e.altKey || e.ctrlKey || e.metaKey) return;
    const target = targetIsList() ? 'list' : 'entry';
    const code = e.code;
    let handled = true;
    if (/^Digit\d$/.test(code) || /^Numpad\d$/.test(code)) {
      const n = Number(code.slice(-1));
      if (n === 0) change(target, { speaker: UNKNOWN }, '発言者の変更');
      else {
        const m = members[n - 1];
        if (m) change(target, { speaker: { type: 'member', memberId: m.id } }, '発言者の変更');
      }
    } else if (code === 'KeyJ') change(target, { speaker: { type: 'secretariat' } }, '発言者の変更');
    else if (code === 'KeyK') change(target, { speaker: { type: 'chair' } }, '発言者の変更');
    else if (code === 'KeyS') setPicker({ what: 'speaker', target });
    else if (code === 'KeyT') setPicker({ what: 'kind', target });
    else if (code === 'KeyB') setPicker({ what: 'field', target });
    else if (code === 'KeyN') toggle(target, 'nonPublic');
    else if (code === 'KeyY') toggle(target, 'needsCheck');
    else if (code === 'PageDown') moveItem(1);
    else if (code === 'PageUp') moveItem(-1);
    else if (code === 'KeyP')
      void openProjector(meetingId).catch((err) => notify.error(err, 'プロジェクター表示を開けませんでした'));
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onListKey = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      if (e.nativeEvent.isComposing || e.target !== e.currentTarget) return;
      const list = remarksRef.current;
      const sel = selectedRef.current;
      const last = list.length - 1;
      const k = e.key;
      let handled = true;
      if (e.altKey && (k === 'ArrowUp' || k === 'ArrowDown')) {
        if (sel === null) return;
        const dir = k === 'ArrowUp' ? -1 : 1;
        const a = list[sel];
        const b = list[sel + dir];
        if (a && b) {
          void run(() => moveRemark(db, a.id, b.id));
          setSelected(sel + dir);
        }
      } else if (e.altKey && e.code === 'KeyM') {
        const a = sel !== null ? list[sel] : undefined;
        const b = sel !== null ? list[sel + 1] : undefined;
        if (a && b) void run(() => mergeWithNext(db, a.id, b.id));
      } else if (e.ctrlKey && (k === 'z' || k === 'Z')) void undo();
      else if (e.altKey || e.ctrlKey || e.metaKey) handled = false;
      else if (k === 'ArrowUp') setSelected(sel === null ? last : Math.max(0, sel - 1));
      else if (k === 'ArrowDown') {
        if (sel !== null && sel >= last) focusEntry();
        else setSelected(sel === null ? last : sel + 1);
      } else if (k === 'Home') setSelected(0);
      else if (k === 'End') setSelected(last);
      else if (k === 'PageUp') setSelected(Math.max(0, (sel ?? last) - 10));
      else if (k === 'PageDown') setSelected(Math.min(last, (sel ?? last) + 10));
      else if (k === 'Enter' || k === 'F2') {
        if (sel !== null) setEditing(true);
      } else if (k === 'Delete' || k === 'Backspace') {
        const r = sel !== null ? list[sel] : undefined;
        if (r) {
          void run(() => deleteRemark(db, r.id));
          setSelected(list.length <= 1 ? null : Math.min(sel!, list.length - 2));
        }
      } else if (k === 'Escape' || k === 'Tab') focusEntry();
      else handled = false;
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    [run, undo, focusEntry],
  );

  const pick = (p: NonNullable<Picker>, o: PickOption) => {
    if (p.what === 'speaker') {
      const c = choices.find((x) => x.key === o.key);
      if (c) change(p.target, { speaker: c.speaker }, '発言者の変更');
    } else if (p.what === 'kind') change(p.target, { kind: o.key as Kind }, '種別の変更');
    else change(p.target, { fieldId: o.key === '' ? null : o.key }, '分野の変更');
    closePicker();
  };
  const speakerOptions = useMemo(() => choices.map(toOption), [choices]);
  const filterSpeakers = useCallback((q: string) => matchSpeakers(choices, q).map(toOption), [choices]);
  const kindOptions = useMemo(() => REMARK_KINDS.map((k, i) => ({ key: k, label: k, number: i + 1 })), []);
  const fieldOptions = useMemo(
    () => [
      { key: '', label: '分野なし', number: 0 },
      ...council.fields.map((f, i) => ({ key: f.id, label: f.name, number: i + 1 })),
    ],
    [council.fields],
  );
>>>>>>> search-ui

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

  useEffect(() => {
    entryRef.current?.focus();
  }, [entryRef]);

  const clockBase = useMemo(() => knownBaseMs(meeting, remarks, Date.now()), [meeting, remarks]);
  const base = `/councils/${council.id}`;

  return (
    <div className={s.root} onKeyDown={onScreenKey}>
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
                void openProjector(meetingId).catch((err) => notify.error(err, 'プロジェクター表示を開けませんでした'))
              }
            >
              プロジェクター表示（Alt+P）
            </Button>
            <Button onClick={() => setPromoteOpen(true)}>意見として取り込む</Button>
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
            <RemarkList
              ref={listRef}
              remarks={remarks}
              info={info}
              selected={selected}
              editing={list.editing}
              onSelect={list.onSelect}
              onKey={list.onListKey}
              onSave={list.onSaveEdit}
              onSplit={list.onSplit}
              onCancelEdit={list.onCancelEdit}
            />
          )}
        </div>
      </div>
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
    </div>
  );
}
