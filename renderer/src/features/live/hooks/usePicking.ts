/**
 * Speaker, kind, field and flags, for the entry line or the selected remark: the pickers, the
 * Alt shortcuts of the screen (Alt+1…9, Alt+S/T/B, Alt+N/Y, Alt+R, Alt+PageUp/Down, Alt+P).
 */
import { useCallback, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  REMARK_KINDS,
  type Council,
  type Meeting,
  type Member,
  type Remark,
  type Speaker,
  type Staff,
} from '../../../../../shared/domain';
import { speakerLabel, type SpeakerContext } from '../../../../../shared/speakers';
import { useNotify } from '../../../app/notify';
import { remarkStore, type Edit } from '../data';
import { openProjector } from '../openProjector';
import type { PickOption } from '../QuickPick';
import type { RemarkListHandle } from '../RemarkList';
import { matchSpeakers, speakerChoices, type SpeakerChoice } from '../speakerPick';
import { UNKNOWN, type EntryMeta } from './useEntryDraft';
import { answerOptions as answerChoices } from '../answerLink';

/** The open picker; 'answer' (which question a 回答 answers) is for the selected remark only. */
export type Picker = { what: 'speaker' | 'kind' | 'field' | 'answer'; target: 'entry' | 'list' } | null;
type Target = 'entry' | 'list';

interface Deps {
  meeting: Meeting;
  council: Council;
  members: Member[];
  staff: Staff[];
  setMeta: (update: (m: EntryMeta) => EntryMeta) => void;
  itemRef: RefObject<string | null>;
  setItemId: (id: string) => void;
  entryRef: RefObject<HTMLTextAreaElement | null>;
  listRef: RefObject<RemarkListHandle | null>;
  remarksRef: RefObject<Remark[]>;
  selectedRef: RefObject<number | null>;
  run: (op: () => Promise<Edit | null>) => Promise<void>;
}

function toOption(c: SpeakerChoice): PickOption {
  return { key: c.key, label: c.label, hint: c.hint, number: c.number };
}

export function usePicking(d: Deps) {
  const {
    meeting,
    council,
    members,
    staff,
    setMeta,
    itemRef,
    setItemId,
    entryRef,
    listRef,
    remarksRef,
    selectedRef,
    run,
  } = d;
  const notify = useNotify();
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
  const [answerOptions, setAnswerOptions] = useState<PickOption[]>([]);
  const targetIsList = () =>
    selectedRef.current !== null && !!document.activeElement?.closest('[aria-label="記録の一覧"]');

  const change = useCallback(
    (target: Target, patch: Partial<EntryMeta>, label: string) => {
      if (target === 'entry') {
        setMeta((m) => ({ ...m, ...patch }));
        return;
      }
      const r = selectedRef.current !== null ? remarksRef.current[selectedRef.current] : undefined;
      if (r) void run(() => remarkStore.update(r.id, patch, label));
    },
    [run, setMeta, selectedRef, remarksRef],
  );
  const toggle = useCallback(
    (target: Target, flag: 'nonPublic' | 'needsCheck') => {
      const label = flag === 'nonPublic' ? '非公開の切り替え' : '要確認の切り替え';
      if (target === 'entry') {
        setMeta((m) => ({ ...m, [flag]: !m[flag] }));
        return;
      }
      const r = selectedRef.current !== null ? remarksRef.current[selectedRef.current] : undefined;
      if (r) void run(() => remarkStore.toggleFlag(r.id, flag, label));
    },
    [run, setMeta, selectedRef, remarksRef],
  );
  /** Alt+R: which question the selected 回答 answers (or back to automatic). */
  const openAnswerPicker = useCallback(
    (target: Target) => {
      const r = target === 'list' && selectedRef.current !== null ? remarksRef.current[selectedRef.current] : undefined;
      if (!r || r.kind !== '回答') {
        notify.info('回答の記録を一覧で選んでから Alt+R を押してください', 'どの質問への回答かを選べます。');
        return;
      }
      setAnswerOptions(answerChoices(remarksRef.current, r, (x) => labelOf(x.speaker)));
      setPicker({ what: 'answer', target: 'list' });
    },
    [notify, remarksRef, selectedRef, labelOf],
  );
  const moveItem = useCallback(
    (dir: 1 | -1) => {
      const i = meeting.agenda.findIndex((a) => a.id === itemRef.current);
      const next = meeting.agenda[Math.min(Math.max(i + dir, 0), meeting.agenda.length - 1)];
      if (next) setItemId(next.id);
    },
    [meeting.agenda, itemRef, setItemId],
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
  }, [listRef, entryRef]);

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
    else if (code === 'KeyR') openAnswerPicker(target);
    else if (code === 'PageDown') moveItem(1);
    else if (code === 'PageUp') moveItem(-1);
    else if (code === 'KeyP')
      void openProjector(meeting).catch((err) => notify.error(err, 'プロジェクター表示を開けませんでした'));
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const pick = (p: NonNullable<Picker>, o: PickOption) => {
    if (p.what === 'speaker') {
      const c = choices.find((x) => x.key === o.key);
      if (c) change(p.target, { speaker: c.speaker }, '発言者の変更');
    } else if (p.what === 'answer') {
      const r = selectedRef.current !== null ? remarksRef.current[selectedRef.current] : undefined;
      if (r && r.kind === '回答' && (r.replyToId ?? '') !== o.key)
        void run(() => remarkStore.update(r.id, { replyToId: o.key || null }, '回答先の変更'));
    } else if (p.what === 'kind') change(p.target, { kind: o.key as Remark['kind'] }, '種別の変更');
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

  return {
    ctx,
    labelOf,
    picker,
    setPicker,
    closePicker,
    pick,
    toggle,
    onScreenKey,
    speakerOptions,
    filterSpeakers,
    kindOptions,
    fieldOptions,
    answerOptions,
    openAnswerPicker,
  };
}
