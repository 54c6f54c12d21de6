/**
 * 記録（ライブ）: the screen kept open through a meeting. The agenda on the left (current item
 * highlighted), the stream of remarks in the middle, the entry line at the bottom.
 * Everything works from the keyboard (see shortcuts.ts); typing never waits for the list,
 * and nothing typed is lost (store.ts).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useLiveQuery } from '../../data/live';
import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  ToggleButton,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { KeyboardRegular, SlideTextRegular } from '@fluentui/react-icons';
import { db } from '../../data/db';
import { sortedMembers, sortedStaff } from '../../data/queries';
import { PageHeader } from '../../ui/PageHeader';
import { meetingDate, meetingTime, meetingTitle } from '../../ui/format';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { openShortcutsDialog } from '../../ui/shortcuts';
import { useNotify } from '../../app/notify';
import {
  REMARK_KINDS,
  type Council,
  type Meeting,
  type Member,
  type Remark,
  type Speaker,
  type Staff,
} from '../../../../shared/domain';
import { randomId } from '../../../../shared/factory';
import { speakerLabel, type SpeakerContext } from '../../../../shared/speakers';
import { matchSpeakers, speakerChoices, speakerKey, type SpeakerChoice } from './speakerPick';
import {
  applyUndo,
  commitRemark,
  deleteRemark,
  DraftSaver,
  mergeWithNext,
  moveRemark,
  remarksOf,
  saveDraft,
  splitRemark,
  applyChange,
  storageErrorMessage,
  toggleFlag,
  updateRemark,
  type Change,
  type Edit,
  type LiveDraft,
  type Undo,
} from './data';
import { formatOffset, knownBaseMs, offsetBaseMs, offsetSecAt } from './time';
import { QuickPick, type PickOption } from './QuickPick';
import { RemarkList, type RemarkListHandle, type RowInfo } from './RemarkList';
import { useSelectHighlighted } from '../search';
import { openProjector } from './openProjector';
import './shortcuts';
import { PromoteRemarksDialog } from '../opinions';

type Kind = Remark['kind'];
interface EntryMeta {
  speaker: Speaker;
  kind: Kind;
  fieldId: string | null;
  nonPublic: boolean;
  needsCheck: boolean;
}
const UNKNOWN: Speaker = { type: 'unknown' };
/** Live screens in other windows re-read a meeting's remarks when this announces a write. */
const REMARKS_CHANNEL = 'shingikai-desk:remarks';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100%', minHeight: '520px', gap: '10px' },
  columns: { display: 'flex', flex: 1, minHeight: 0, gap: '12px' },
  agenda: {
    width: '250px',
    flexShrink: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    padding: '10px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  agendaItem: {
    display: 'flex',
    gap: '6px',
    alignItems: 'baseline',
    textAlign: 'left',
    padding: '6px 8px',
    borderRadius: tokens.borderRadiusMedium,
    border: 'none',
    backgroundColor: 'transparent',
    cursor: 'pointer',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  agendaCurrent: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover },
  },
  agendaCount: {
    marginLeft: 'auto',
    fontSize: tokens.fontSizeBase200,
    opacity: 0.8,
    fontVariantNumeric: 'tabular-nums',
  },
  stream: { flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  entry: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '10px 12px',
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  entryNonPublic: {
    border: `2px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
  },
  meta: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  metaLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  speaker: { minWidth: '140px', justifyContent: 'flex-start' },
  item: { maxWidth: '280px' },
  itemText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  // A native textarea dressed as Fluent's: Fluent's Textarea re-renders itself on every
  // keystroke (it keeps the value in state); this line must cost the typist nothing.
  text: {
    width: '100%',
    boxSizing: 'border-box',
    resize: 'vertical',
    minHeight: '56px',
    padding: '6px 10px',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    outlineStyle: 'none',
    ':focus': {
      borderBottomColor: tokens.colorCompoundBrandStroke,
      boxShadow: `inset 0 -1px 0 ${tokens.colorCompoundBrandStroke}`,
    },
  },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  status: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function LiveScreen() {
  const { meetingId = '' } = useParams();
  const data = useLiveQuery(async () => {
    const meeting = await db.meetings.get(meetingId);
    if (!meeting) return null;
    const [council, members, staff] = await Promise.all([
      db.councils.get(meeting.councilId),
      sortedMembers(meeting.councilId),
      sortedStaff(meeting.councilId),
    ]);
    return council ? { meeting, council, members, staff } : null;
  }, [meetingId]);
  // The stored entry line is read once: from then on this screen is its only writer.
  const [draft, setDraft] = useState<LiveDraft | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setDraft(undefined);
    db.entryDrafts.get(meetingId).then(
      (d) => {
        if (live) setDraft((d as LiveDraft | undefined) ?? null);
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

type Picker = { what: 'speaker' | 'kind' | 'field'; target: 'entry' | 'list' } | null;

function LiveSession({ meeting, council, members, staff, initialDraft }: SessionProps) {
  const s = useStyles();
  const notify = useNotify();
  const meetingId = meeting.id;

  // ---- records: read once, then kept in step with this screen's own writes (re-reading
  // thousands of remarks after every commit would make the typist wait). Other windows
  // announce their writes on a channel; coming back into view also re-reads.
  const [stored, setStored] = useState<Remark[] | undefined>(undefined);
  const [pending, setPending] = useState<Remark[]>([]);
  const remarks = useMemo(() => {
    const base = stored ?? [];
    if (!pending.length) return base;
    const tail = new Set(base.slice(-Math.max(64, pending.length * 2)).map((r) => r.id));
    const extra = pending.filter((p) => !tail.has(p.id));
    return extra.length ? [...base, ...extra] : base;
  }, [stored, pending]);
  const remarksRef = useRef(remarks);
  remarksRef.current = remarks;
  const nextOrder = useRef(1);
  useEffect(() => {
    const last = stored?.[stored.length - 1];
    if (last && last.order + 1 > nextOrder.current) nextOrder.current = Math.floor(last.order) + 1;
  }, [stored]);
  const channel = useRef<BroadcastChannel | null>(null);
  const applyLocal = useCallback(
    (change: Change) => {
      setStored((list) => (list ? applyChange(list, change) : list));
      channel.current?.postMessage({ meetingId });
    },
    [meetingId],
  );

  // ---- entry line state (the text itself lives in the textarea, not in React state)
  const [meta, setMeta] = useState<EntryMeta>(() => ({
    speaker: initialDraft?.speaker ?? UNKNOWN,
    kind: initialDraft?.kind ?? '発言',
    fieldId: initialDraft?.fieldId ?? null,
    nonPublic: initialDraft?.nonPublic ?? false,
    needsCheck: initialDraft?.needsCheck ?? false,
  }));
  const [itemId, setItemId] = useState<string | null>(() => {
    const saved = initialDraft?.agendaItemId;
    if (saved && meeting.agenda.some((a) => a.id === saved)) return saved;
    return meeting.agenda[0]?.id ?? null;
  });
  const metaRef = useRef(meta);
  metaRef.current = meta;
  const itemRef = useRef(itemId);
  itemRef.current = itemId;
  const entryRef = useRef<HTMLTextAreaElement>(null);
  const listRef = useRef<RemarkListHandle>(null);

  // ---- saving and errors
  const [storageError, setStorageError] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const onSaveResult = useCallback((error: unknown | null) => {
    if (error) {
      console.error(error);
      setStorageError(storageErrorMessage(error));
    } else {
      setStorageError(null);
      setSavedAt(new Date().toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' }));
    }
  }, []);
  useEffect(() => {
    let live = true;
    const load = () =>
      remarksOf(db, meetingId).then(
        (list) => {
          if (live) setStored(list);
        },
        (error: unknown) => notify.error(error, '記録を読み込めませんでした'),
      );
    void load();
    const ch = 'BroadcastChannel' in window ? new BroadcastChannel(REMARKS_CHANNEL) : null;
    channel.current = ch;
    if (ch)
      ch.onmessage = (e: MessageEvent<{ meetingId?: string }>) => {
        if (e.data?.meetingId === meetingId) void load();
      };
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      ch?.close();
      if (channel.current === ch) channel.current = null;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [meetingId, notify]);
  const buildDraft = useCallback(
    (text: string, m: EntryMeta = metaRef.current, item = itemRef.current): LiveDraft => ({
      meetingId,
      text,
      updatedAt: new Date().toISOString(),
      ...m,
      agendaItemId: item,
    }),
    [meetingId],
  );
  const saver = useMemo(() => new DraftSaver((d) => saveDraft(db, d), onSaveResult, 150), [onSaveResult]);
  const scheduleDraft = useCallback(
    () => saver.schedule(buildDraft(entryRef.current?.value ?? '')),
    [saver, buildDraft],
  );
  const flushDraft = useCallback(() => {
    if (!saver.pending) saver.schedule(buildDraft(entryRef.current?.value ?? ''));
    void saver.flush();
  }, [saver, buildDraft]);
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const onPageHide = () => void saver.flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void saver.flush(); // leaving the screen: keep the line
    };
  }, [saver]);
  // Meta and agenda changes are saved with the line (the projector follows the agenda item).
  const firstMeta = useRef(true);
  useEffect(() => {
    if (firstMeta.current) {
      firstMeta.current = false;
      return;
    }
    saver.schedule(buildDraft(entryRef.current?.value ?? ''));
    void saver.flush();
  }, [meta, itemId, saver, buildDraft]);

  // ---- commit: the row shows at once, the write follows in order
  const commit = useCallback(
    (raw: string) => {
      const text = raw.replace(/^\s+|\s+$/g, '');
      if (!text) return;
      const now = Date.now();
      const m = metaRef.current;
      const list = remarksRef.current;
      const iso = new Date(now).toISOString();
      const remark: Remark = {
        id: randomId(),
        meetingId,
        agendaItemId: itemRef.current,
        order: nextOrder.current++,
        kind: m.kind,
        speaker: m.speaker,
        fieldId: m.fieldId,
        text,
        offsetSec: offsetSecAt(offsetBaseMs(meeting, list, now), now),
        nonPublic: m.nonPublic,
        needsCheck: m.needsCheck,
        replyToId: null,
        createdAt: iso,
        updatedAt: iso,
      };
      // Next line: speaker, kind and 要確認 cleared; field and 非公開 stay until changed.
      const next: EntryMeta = { ...m, speaker: UNKNOWN, kind: '発言', needsCheck: false };
      metaRef.current = next;
      firstMeta.current = true; // the commit transaction stores the emptied line itself
      setMeta(next);
      setPending((p) => [...p, remark]);
      setSelected(null);
      saver.cancel();
      const draft = buildDraft('', next);
      saver
        .enqueue(() => commitRemark(db, remark, draft))
        .then(
          () => {
            applyLocal({ put: [remark], remove: [] });
            setPending((p) => p.filter((x) => x.id !== remark.id));
            onSaveResult(null);
          },
          (error: unknown) => {
            // Put the line back where it was typed, above whatever is being typed now.
            setPending((p) => p.filter((x) => x.id !== remark.id));
            const el = entryRef.current;
            if (el) el.value = el.value ? `${text}\n${el.value}` : text;
            onSaveResult(error);
          },
        );
    },
    [meetingId, meeting, saver, buildDraft, onSaveResult, applyLocal],
  );

  // ---- list selection, editing, undo
  const [selected, setSelected] = useState<number | null>(null);
  const [editing, setEditing] = useState(false);
  const [promoteOpen, setPromoteOpen] = useState(false);
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
  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const r of remarks) if (r.agendaItemId) c.set(r.agendaItemId, (c.get(r.agendaItemId) ?? 0) + 1);
    return c;
  }, [remarks]);
  const onSelect = useCallback((i: number | null) => {
    setSelected(i);
    setEditing(false);
  }, []);

  useEffect(() => {
    entryRef.current?.focus();
  }, []);

  const clockBase = useMemo(() => knownBaseMs(meeting, remarks, Date.now()), [meeting, remarks]);
  const currentItem = meeting.agenda.find((a) => a.id === itemId);
  const fieldName = meta.fieldId ? (council.fields.find((f) => f.id === meta.fieldId)?.name ?? '') : '';
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
        <nav className={s.agenda} aria-label="次第">
          <Text weight="semibold" size={300}>
            次第
          </Text>
          {meeting.agenda.length === 0 ? <Text size={200}>議題が登録されていません。</Text> : null}
          {meeting.agenda.map((a, i) => (
            <button
              key={a.id}
              type="button"
              tabIndex={-1}
              className={mergeClasses(s.agendaItem, a.id === itemId && s.agendaCurrent)}
              aria-current={a.id === itemId ? 'step' : undefined}
              onClick={() => {
                setItemId(a.id);
                entryRef.current?.focus();
              }}
            >
              <span>{i + 1}.</span>
              <span>{a.title}</span>
              <span className={s.agendaCount}>{counts.get(a.id) ?? 0}</span>
            </button>
          ))}
          <Text size={200} className={s.hint}>
            Alt+PageDown で次の議題へ
          </Text>
        </nav>
        <div className={s.stream}>
          {stored === undefined ? (
            <Spinner label="記録を読み込み中…" />
          ) : (
            <RemarkList
              ref={listRef}
              remarks={remarks}
              info={info}
              selected={selected}
              editing={editing}
              onSelect={onSelect}
              onKey={onListKey}
              onSave={onSaveEdit}
              onSplit={onSplit}
              onCancelEdit={onCancelEdit}
            />
          )}
        </div>
      </div>
      <div className={mergeClasses(s.entry, meta.nonPublic && s.entryNonPublic)}>
        {picker ? (
          <QuickPick
            key={`${picker.what}-${picker.target}`}
            title={picker.what === 'speaker' ? '発言者を選ぶ' : picker.what === 'kind' ? '種別を選ぶ' : '分野を選ぶ'}
            options={picker.what === 'speaker' ? speakerOptions : picker.what === 'kind' ? kindOptions : fieldOptions}
            filter={picker.what === 'speaker' ? filterSpeakers : undefined}
            digitsPick
            onPick={(o) => pick(picker, o)}
            onClose={closePicker}
          />
        ) : null}
        <div className={s.meta}>
          <Text className={s.metaLabel}>議題</Text>
          <Badge appearance="tint" color="brand" aria-label="今の議題" className={s.item} title={currentItem?.title}>
            <span className={s.itemText}>{currentItem?.title ?? '議題なし'}</span>
          </Badge>
          <Clock base={clockBase} />
          <Text className={s.metaLabel}>発言者</Text>
          <Tooltip content="Alt+S で検索、Alt+1…9 で名簿順、Alt+K 会長、Alt+J 事務局" relationship="description">
            <Button
              size="small"
              className={s.speaker}
              aria-label="発言者"
              onClick={() => setPicker({ what: 'speaker', target: 'entry' })}
            >
              {meta.speaker.type === 'unknown' ? '（発言者なし）' : labelOf(meta.speaker)}
            </Button>
          </Tooltip>
          <Text className={s.metaLabel}>種別</Text>
          <Button size="small" aria-label="種別" onClick={() => setPicker({ what: 'kind', target: 'entry' })}>
            {meta.kind}
          </Button>
          <Text className={s.metaLabel}>分野</Text>
          <Button size="small" aria-label="分野" onClick={() => setPicker({ what: 'field', target: 'entry' })}>
            {fieldName || 'なし'}
          </Button>
          <ToggleButton
            size="small"
            checked={meta.nonPublic}
            appearance={meta.nonPublic ? 'primary' : 'secondary'}
            onClick={() => toggle('entry', 'nonPublic')}
          >
            非公開（Alt+N）
          </ToggleButton>
          <ToggleButton size="small" checked={meta.needsCheck} onClick={() => toggle('entry', 'needsCheck')}>
            要確認（Alt+Y）
          </ToggleButton>
        </div>
        <EntryLine
          inputRef={entryRef}
          initialText={initialDraft?.text ?? ''}
          onCommit={commit}
          onChange={scheduleDraft}
          onBlur={flushDraft}
          onLeave={focusList}
        />
        <div className={s.meta}>
          <Text className={s.hint}>
            Enter で記録・Shift+Enter で改行・↑ で一覧へ・F1 でショートカット一覧。入力中の文字は自動で保存されます。
          </Text>
          <SaveStatus error={storageError !== null} savedAt={savedAt} />
        </div>
      </div>
    </div>
  );
}

function toOption(c: SpeakerChoice): PickOption {
  return { key: c.key, label: c.label, hint: c.hint, number: c.number };
}

/** Time since the meeting started, ticking on its own so nothing else re-renders. */
const Clock = memo(function Clock({ base }: { base: number | null }) {
  const s = useStyles();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return (
    <Text className={s.metaLabel} aria-label="開始からの経過時間" style={{ fontVariantNumeric: 'tabular-nums' }}>
      経過 {base === null ? '—' : formatOffset(offsetSecAt(base, now))}
    </Text>
  );
});

const SaveStatus = memo(function SaveStatus({ error, savedAt }: { error: boolean; savedAt: string | null }) {
  const s = useStyles();
  return (
    <Text className={s.status} aria-live="polite">
      {error ? '未保存の入力があります' : savedAt ? `保存済み ${savedAt}` : '自動保存'}
    </Text>
  );
});

/**
 * The entry line. Uncontrolled on purpose: a keystroke changes the textarea only, so the
 * rest of the screen never re-renders while the typist types.
 */
const EntryLine = memo(function EntryLine({
  inputRef,
  initialText,
  onCommit,
  onChange,
  onBlur,
  onLeave,
}: {
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
  initialText: string;
  onCommit: (text: string) => void;
  onChange: () => void;
  onBlur: () => void;
  onLeave: () => void;
}) {
  const s = useStyles();
  const composing = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter that confirms an IME conversion must never commit the line.
    if (e.nativeEvent.isComposing || composing.current || e.keyCode === 229) return;
    const el = e.currentTarget;
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const text = el.value;
      if (!text.trim()) return;
      el.value = '';
      onCommit(text);
    } else if (e.key === 'ArrowUp' && !e.shiftKey && !e.altKey && (e.ctrlKey || el.value === '')) {
      e.preventDefault();
      onLeave();
    }
  };
  return (
    <textarea
      ref={inputRef}
      className={s.text}
      aria-label="発言の入力"
      placeholder="発言を入力して Enter（Shift+Enter で改行）"
      defaultValue={initialText}
      rows={2}
      onKeyDown={onKeyDown}
      onChange={onChange}
      onBlur={onBlur}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={() => {
        composing.current = false;
      }}
    />
  );
});
