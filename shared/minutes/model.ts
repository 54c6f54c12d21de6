/**
 * The minutes (会議録) as a document model: header fields and numbered body sections,
 * each paragraph knowing which remarks feed it. The renderer's preview and main's Word
 * export both draw this one model, so they show the same numbering, labels and omissions.
 *
 * Modes: 'internal' (内部版: everything, names), 'review' (確認用: as internal, marked 案),
 * 'public' (公開版: non-public remarks removed, speakers by the council's label rule, hidden
 * names replaced). Edits (Minutes.edits) replace a paragraph's generated text by key.
 */
import type { Council, Field, Meeting, Member, Minutes, Remark, Speaker, SpeakerLabelRule, Staff } from '../domain';
import { meetingOrdinal } from '../numbering';
import { memberTitle } from '../people';
import { councilChair } from '../offices';
import { chairMember, hiddenNames, speakerLabel, type SpeakerContext } from '../speakers';
import { publicLetters } from '../publication/labels';
import { answerLinks } from '../publication/answers';
import { nameMatcher, type NameMatcher } from '../publication/names';
import { publicPeople } from '../publication/redaction';
import { CLOSED_SESSION_TEXT, INTERNAL_MARK, NON_PUBLIC_MARK, OTHER_FIELD_TITLE } from '../publication/marks';
import { applyTextRules, formatDateTime, formatNumber, listTextRuleChanges, type TextChange } from '../style/format';
import { resolveMinutesStyle, type DocumentKind, type HeaderForm, type HeaderRowKey, type MinutesStyle } from './style';
import {
  attendanceLines,
  disclosureLines,
  observerLines,
  staffHeaderLines,
  fillSpeakerPattern,
  speakerPersonParts,
  styledSpeakerLabel,
  titleOf,
} from './style-parts';
import { otherAttendeeGroups, otherAttendeeLines, staffGroup } from './others';

export const MINUTES_MODES = ['internal', 'public', 'review'] as const;
export type MinutesMode = (typeof MINUTES_MODES)[number];
export const MINUTES_MODE_LABELS: Record<MinutesMode, string> = {
  internal: '内部版',
  public: '公開版',
  review: '確認用（案）',
};

export interface MinutesInput {
  council: Council;
  members: Member[];
  staff: Staff[];
  meeting: Meeting;
  remarks: Remark[];
  minutes: Minutes | null;
  mode: MinutesMode;
  /** The style to use instead of minutes.style (the preview of the other style). */
  style?: Minutes['style'];
  /** The minutes style (会議録の様式) to use instead of the council's (the settings preview). */
  minutesStyle?: MinutesStyle;
}

export interface BuildOptions {
  /**
   * Replace hidden member names in the text of a 公開版 (default true). The publication
   * checks turn it off, to find and show those names where they stand.
   */
  redactNames?: boolean;
  /** Apply the style's punctuation and width rules (default true; off to list what they change). */
  textRules?: boolean;
  /**
   * The matcher that replaces the names (default: one made from the records). A 公開版 export
   * passes the one its review uses, so each text's names are found once.
   */
  names?: NameMatcher;
}

export type ParagraphKind =
  | 'text' // narrative: 事務局から…について説明, the chair's memo, reports
  | 'group' // ＜各委員から出された主な意見＞
  | 'field' // the field a group of opinions belongs to
  | 'bullet' // one opinion, question or decision
  | 'answer' // ⇒ …（市回答）
  | 'turn' // ○大久保副会長 … (発言者別)
  | 'note'; // what the 公開版 says about omitted parts

export interface MinutesParagraph {
  /** Key in Minutes.edits: r:<remarkId> (要点筆記), t:<remarkId> (発言者別), x:<sectionKey> (added text). */
  key: string;
  kind: ParagraphKind;
  /** Printed before the text and not editable: ・, ⇒, ○大久保副会長 */
  prefix: string;
  text: string;
  suffix: string;
  /** The remarks this paragraph is made from (provenance for the editor). */
  sourceIds: string[];
  edited: boolean;
  editable: boolean;
}

export interface MinutesSection {
  key: string; // the agenda item id, or 'unassigned'
  agendaItemId: string | null;
  number: string; // １
  title: string; // 議題１ 各分野の現状と課題及び想定される解決策について
  heading: string; // １ 開会
  paragraphs: MinutesParagraph[];
}

export interface HeaderField {
  key: string;
  label: string;
  lines: string[];
}

export interface MinutesModel {
  mode: MinutesMode;
  style: Minutes['style'];
  /** The document kind the style gives (要点筆記, 発言者別, 議事要旨 …). */
  kind: DocumentKind;
  /** The minutes style the model was drawn with (header form, fixed texts, page). */
  format: MinutesStyle;
  headerForm: HeaderForm;
  /** 会議録, or 会議録（案） on the 確認用 copy. */
  title: string;
  /** For the file properties and the window: 第2回 飯塚市行政経営戦略推進審議会 会議録（公開版） */
  documentTitle: string;
  fileName: string;
  pageMark: string | null;
  /** Label/value rows in the style's order (by default reference 004's, docs/CONVENTIONS.md §1.1); the row with key 'body' holds the sections. */
  header: HeaderField[];
  sections: MinutesSection[];
  /** Names a 公開版 must not show (empty for internal copies). */
  hiddenNames: string[];
  /**
   * The header rows that print the roster by name although `hiddenNames` are hidden elsewhere
   * (a style with 公開版の氏名 on: a named roster, anonymous remarks). Nothing else may carry them.
   */
  namedHeaderRows: HeaderRowKey[];
  fonts: { body: string; heading: string };
}

export const UNASSIGNED = 'unassigned';
export const OPINIONS_GROUP_TITLE = '＜各委員から出された主な意見＞';
/** 内部版: a turn whose speaker was not recorded (never printed as a bare 「委員」 there). */
export const UNKNOWN_SPEAKER_LABEL = '委員（発言者未設定）';

const isSecretariat = (s: Speaker) => s.type === 'secretariat' || s.type === 'staff';

/** 第2回 飯塚市行政経営戦略推進審議会 */
export function meetingName(council: Pick<Council, 'name' | 'publication'>, meeting: Pick<Meeting, 'number'>): string {
  return `${meetingOrdinal(meeting.number, council.publication.digitWidth)} ${council.name}`;
}

export function minutesFileName(meeting: Pick<Meeting, 'number'>, mode: MinutesMode): string {
  const suffix = mode === 'public' ? '公開版' : mode === 'internal' ? '内部版' : '確認用（案）';
  return `第${meeting.number}回_会議録_${suffix}.docx`;
}

/** Section titles: 開会 / 資料の説明 / 議題１ 各分野の… / その他（今後の予定について）. */
function sectionTitle(
  kind: string,
  title: string,
  agendaNumber: number,
  width: 'full' | 'half' = 'full',
  form: MinutesStyle['numbering']['agenda'] = 'plain',
): string {
  const n = formatNumber(agendaNumber, form, width);
  if (kind === '議題') return `${form === 'dai' ? n : `議題${n}`}${title ? ` ${title}` : ''}`;
  return title || kind;
}

function fieldOrder(fields: Field[]): Map<string, number> {
  return new Map(fields.map((f, i) => [f.id, i]));
}

/**
 * Replaces the names a label rule hides: 井澤会長 → 会長, 河委員 → A委員, 大久保さん → 副会長.
 * A one-character name (河) is replaced only with a title after it, so words like 河川 stay.
 */
export function nameRedactor(members: Member[], labelOf: (m: Member) => string): (text: string) => string {
  const rules = [...members]
    .sort((a, b) => b.name.length - a.name.length)
    .map((m) => {
      const name = escapeRegExp(m.name);
      const titled = `${escapeRegExp(memberTitle(m))}|${name}(?:委員|会長|副会長|さん|氏|様|先生)`;
      return {
        re: new RegExp(m.name.length >= 2 ? `${titled}|${name}` : titled, 'g'),
        first: m.name[0]!,
        label: labelOf(m),
      };
    });
  return (text) => {
    let out = text;
    for (const r of rules) if (out.includes(r.first)) out = out.replace(r.re, r.label);
    return out;
  };
}

export function redactNames(text: string, members: Member[], labelOf: (m: Member) => string): string {
  return nameRedactor(members, labelOf)(text);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function buildMinutesModel(input: MinutesInput, options: BuildOptions = {}): MinutesModel {
  return drawMinutes(input, options, false).model;
}

/**
 * A 公開版's model and, from the same drawing, the model as it reads before the names are
 * replaced (what the publication review looks through): the remarks are sorted, grouped and
 * labelled once, and only the replacing is done on top. Without names to replace, both are
 * the one model.
 */
export function buildMinutesModelPair(
  input: MinutesInput,
  options: Omit<BuildOptions, 'redactNames'> = {},
): { model: MinutesModel; unredacted: MinutesModel } {
  const { model, unredacted } = drawMinutes(input, options, true);
  return { model, unredacted: unredacted ?? model };
}

function drawMinutes(
  input: MinutesInput,
  options: BuildOptions,
  withUnredacted: boolean,
): { model: MinutesModel; unredacted: MinutesModel | null } {
  const { council, members, staff, meeting, mode } = input;
  const format = input.minutesStyle ?? resolveMinutesStyle(council);
  // A preview's summary/speaker choice wins; then the council's style; then the minutes' own choice.
  const kind: DocumentKind =
    input.style ?? (input.minutesStyle || council.minutesStyle ? format.kind : (input.minutes?.style ?? format.kind));
  const style: Minutes['style'] = kind === 'speaker' || kind === 'verbatim' ? 'speaker' : 'summary';
  const texts = format.texts;
  const width = format.numbering.digitWidth;
  const edits = input.minutes?.edits ?? {};
  const isPublic = mode === 'public';
  const rule = isPublic ? council.publication.speakerLabel : 'name';

  const remarks = input.remarks
    .filter((r) => r.meetingId === meeting.id)
    .sort((a, b) => a.order - b.order || a.createdAt.localeCompare(b.createdAt));
  const nonPublicIds = new Set(remarks.filter((r) => r.nonPublic).map((r) => r.id));
  // An answer to a non-public question goes with it.
  // An answer goes with its question: the linked one, or the one recorded right before it.
  const answers = answerLinks(remarks);
  for (const r of remarks) {
    const q = answers.get(r.id);
    if (q && nonPublicIds.has(q)) nonPublicIds.add(r.id);
  }
  // この議題は非公開で審議: nothing of the item reaches a 公開版.
  const closedItems = new Set(meeting.agenda.filter((a) => a.closed).map((a) => a.id));
  for (const r of remarks) if (r.agendaItemId && closedItems.has(r.agendaItemId)) nonPublicIds.add(r.id);
  const shown = isPublic ? remarks.filter((r) => !nonPublicIds.has(r.id)) : remarks;

  const speakerCtx: SpeakerContext = { members, staff, chairMemberId: meeting.chairMemberId };
  const chairId = meeting.chairMemberId ?? councilChair(members)?.id ?? null;
  // Stored letters (shared/publication/labels.ts): the same in every document of the scope.
  const letters = publicLetters(council, members, meeting.id);
  const labelOf = (s: Speaker) => speakerLabel(s, speakerCtx, rule, letters);
  const hidden = isPublic
    ? [...hiddenNames(speakerCtx, rule), ...(rule === 'name' ? [] : staff.map((s) => s.name))]
    : [];
  const redact = isPublic && rule !== 'name' && options.redactNames !== false;
  // Every written form of a member's or staff member's name (shared/publication/names.ts).
  const redactor = redact
    ? (options.names ?? nameMatcher(publicPeople({ council, members, staff, letters }))).redact
    : null;
  const clean = (text: string) => (redactor ? redactor(text) : text);
  const asWritten = (text: string) => text;

  const para = (
    p: Omit<MinutesParagraph, 'edited' | 'editable' | 'prefix' | 'suffix'> &
      Partial<Pick<MinutesParagraph, 'prefix' | 'suffix' | 'editable'>>,
  ): MinutesParagraph => {
    const editable = p.editable ?? true;
    const edited = editable && Object.prototype.hasOwnProperty.call(edits, p.key);
    // 内部版・確認用: each non-public part marked where it stands.
    const secret =
      !isPublic && p.kind !== 'group' && p.kind !== 'field' && p.sourceIds.some((id) => nonPublicIds.has(id));
    // The names are replaced once the sections are drawn (replaced(), below).
    const prefix = (p.prefix ?? '') + (secret ? NON_PUBLIC_MARK : '');
    return {
      prefix: '',
      suffix: '',
      ...p,
      editable,
      edited,
      text: edited ? edits[p.key]! : p.text,
      ...(prefix ? { prefix } : {}),
    };
  };
  /** The paragraph with the hidden names replaced in its prefix and text (never in the suffix). */
  const replaced = (p: MinutesParagraph): MinutesParagraph => ({
    ...p,
    text: clean(p.text),
    prefix: p.prefix ? clean(p.prefix) : p.prefix,
  });

  // ---- sections, one per agenda item (plus one for remarks without an item)
  const agendaIds = new Set(meeting.agenda.map((a) => a.id));
  const itemKey = (r: Remark) => (r.agendaItemId && agendaIds.has(r.agendaItemId) ? r.agendaItemId : UNASSIGNED);
  const byItem = new Map<string, Remark[]>();
  for (const r of shown) {
    const key = itemKey(r);
    const list = byItem.get(key);
    if (list) list.push(r);
    else byItem.set(key, [r]);
  }
  const removedByItem = new Map<string, number>();
  for (const r of remarks)
    if (nonPublicIds.has(r.id)) removedByItem.set(itemKey(r), (removedByItem.get(itemKey(r)) ?? 0) + 1);
  const items = [...meeting.agenda.map((a) => ({ id: a.id, kind: a.kind as string, title: a.title }))];
  // Remarks without (or with a deleted) agenda item get a section of their own.
  if (remarks.some((r) => itemKey(r) === UNASSIGNED))
    items.push({ id: UNASSIGNED, kind: 'その他', title: '議題外の記録' });

  const fieldRank = fieldOrder(council.fields);
  const fieldName = new Map(council.fields.map((f) => [f.id, f.name]));
  let agendaNo = 0;
  const sections: MinutesSection[] = items.map((item, i) => {
    if (item.kind === '議題') agendaNo += 1;
    const number = formatNumber(i + 1, format.numbering.section, width);
    const title = sectionTitle(item.kind, item.title, agendaNo, width, format.numbering.agenda);
    const list = byItem.get(item.id) ?? [];
    const closed = closedItems.has(item.id);
    if (closed && isPublic)
      return {
        key: item.id,
        agendaItemId: item.id,
        number,
        title,
        heading: `${number} ${title}`,
        paragraphs: [
          para({
            key: `n:${item.id}`,
            kind: 'note',
            text: council.publication.closedSessionText || CLOSED_SESSION_TEXT,
            sourceIds: [],
            editable: false,
          }),
        ],
      };
    const paragraphs =
      kind === 'speaker' || kind === 'verbatim'
        ? speakerParagraphs(list)
        : kind === 'gist'
          ? gistParagraphs(list)
          : kind === 'decisions'
            ? decisionParagraphs(list)
            : summaryParagraphs(list, item.id);
    if (closed)
      paragraphs.unshift(
        para({
          key: `n:${item.id}`,
          kind: 'note',
          text: `${NON_PUBLIC_MARK}この議題は非公開で審議（公開版には「${council.publication.closedSessionText || CLOSED_SESSION_TEXT}」とだけ掲載）`,
          sourceIds: [],
          editable: false,
        }),
      );
    if (Object.prototype.hasOwnProperty.call(edits, `x:${item.id}`)) {
      paragraphs.push(para({ key: `x:${item.id}`, kind: 'text', text: '', sourceIds: [] }));
    }
    const removed = isPublic ? (removedByItem.get(item.id) ?? 0) : 0;
    if (removed > 0) {
      paragraphs.push(
        para({
          key: `n:${item.id}`,
          kind: 'note',
          text:
            list.length === 0
              ? '※この項目は非公開のため掲載していません。'
              : '※この項目の一部は非公開のため掲載していません。',
          sourceIds: [],
          editable: false,
        }),
      );
    }
    return {
      key: item.id,
      agendaItemId: item.id === UNASSIGNED ? null : item.id,
      number,
      title,
      heading: `${number} ${title}`,
      paragraphs,
    };
  });

  function summaryParagraphs(list: Remark[], itemId: string): MinutesParagraph[] {
    const out: MinutesParagraph[] = [];
    // The chair's 発言 is procedure (開会, 「ほかにご意見は」, 閉会): narrative, not an opinion.
    const opinions = list.filter(
      (r) =>
        r.kind === '意見' ||
        r.kind === '質問' ||
        (r.kind === '発言' && !isSecretariat(r.speaker) && !isChairSpeaker(r.speaker)),
    );
    const opinionIds = new Set(opinions.map((r) => r.id));
    const answersTo = new Map<string, Remark[]>();
    const attached = new Set<string>();
    // An answer goes under its question: the linked one, or the question recorded just before it.
    for (const r of list) {
      const target = answers.get(r.id);
      if (target && opinionIds.has(target)) {
        answersTo.set(target, [...(answersTo.get(target) ?? []), r]);
        attached.add(r.id);
      }
    }
    const decisions = list.filter((r) => r.kind === '決定');
    // Narrative first, in the order spoken.
    for (const r of list) {
      if (opinionIds.has(r.id) || attached.has(r.id) || (r.kind === '決定' && opinions.length > 0)) continue;
      if (r.kind === '説明') {
        const who = isSecretariat(r.speaker) ? '事務局' : labelOf(r.speaker) || '事務局';
        const text = r.text.startsWith(who)
          ? r.text
          : texts.explanation.replace('{who}', who).replace('{text}', r.text);
        out.push(para({ key: `r:${r.id}`, kind: 'text', text, sourceIds: [r.id] }));
      } else if (r.kind === '回答') {
        out.push(
          para({
            key: `r:${r.id}`,
            kind: 'answer',
            prefix: texts.answerPrefix,
            text: r.text,
            suffix: texts.answerSuffix,
            sourceIds: [r.id],
          }),
        );
      } else if (r.kind === '発言') {
        const who = labelOf(r.speaker);
        out.push(
          para({ key: `r:${r.id}`, kind: 'text', prefix: who ? `${who}：` : '', text: r.text, sourceIds: [r.id] }),
        );
      } else {
        out.push(para({ key: `r:${r.id}`, kind: 'text', text: r.text, sourceIds: [r.id] }));
      }
    }
    if (opinions.length === 0) return out;
    const bulletWithAnswers = (r: Remark) => {
      out.push(para({ key: `r:${r.id}`, kind: 'bullet', prefix: '・', text: r.text, sourceIds: [r.id] }));
      for (const a of answersTo.get(r.id) ?? []) {
        out.push(
          para({
            key: `r:${a.id}`,
            kind: 'answer',
            prefix: texts.answerPrefix,
            text: a.text,
            suffix: isSecretariat(a.speaker) ? texts.answerSuffix : '',
            sourceIds: [a.id],
          }),
        );
      }
    };
    const sourcesOf = (rs: Remark[]) => rs.flatMap((r) => [r.id, ...(answersTo.get(r.id) ?? []).map((a) => a.id)]);
    out.push(
      para({
        key: `g:${itemId}`,
        kind: 'group',
        text: texts.opinionsGroup,
        sourceIds: [...sourcesOf(opinions), ...decisions.map((d) => d.id)],
        editable: false,
      }),
    );
    const fielded = opinions.filter((r) => r.fieldId && fieldName.has(r.fieldId));
    const fieldIds = [...new Set(fielded.map((r) => r.fieldId!))].sort((a, b) => fieldRank.get(a)! - fieldRank.get(b)!);
    for (const fid of fieldIds) {
      const inField = fielded.filter((r) => r.fieldId === fid);
      out.push(
        para({
          key: `f:${itemId}:${fid}`,
          kind: 'field',
          text: fieldName.get(fid)!,
          sourceIds: sourcesOf(inField),
          editable: false,
        }),
      );
      inField.forEach(bulletWithAnswers);
    }
    const fieldedIds = new Set(fielded.map((r) => r.id));
    const loose = opinions.filter((r) => !fieldedIds.has(r.id));
    // Opinions without a field never sit under another field's heading: their own group.
    const otherTitle = council.publication.otherFieldTitle ?? OTHER_FIELD_TITLE;
    if (loose.length && fieldIds.length && otherTitle)
      out.push(
        para({
          key: `f:${itemId}:other`,
          kind: 'field',
          text: otherTitle,
          sourceIds: sourcesOf(loose),
          editable: false,
        }),
      );
    if (loose.length && fieldIds.length && !otherTitle) {
      // Ungrouped: before the first field heading.
      const at = out.findIndex((p) => p.kind === 'field');
      const tail = out.splice(at);
      loose.forEach(bulletWithAnswers);
      out.push(...tail);
    } else loose.forEach(bulletWithAnswers);
    for (const d of decisions)
      out.push(para({ key: `r:${d.id}`, kind: 'bullet', prefix: '・', text: d.text, sourceIds: [d.id] }));
    return out;
  }

  function isChairSpeaker(s: Speaker): boolean {
    if (s.type === 'chair') return true;
    return s.type === 'member' && s.memberId === chairMember(speakerCtx)?.id;
  }

  function speakerParagraphs(list: Remark[]): MinutesParagraph[] {
    return list.map((r) => {
      if (r.kind === 'メモ' || r.kind === '決定') {
        // A stage direction (委嘱状交付) on its own line, in brackets.
        const direction = r.kind === 'メモ' && texts.stageDirections && !/^（.*）$/.test(r.text.trim());
        return para({
          key: `t:${r.id}`,
          kind: 'text',
          text: direction ? `（${r.text.trim()}）` : r.text,
          sourceIds: [r.id],
        });
      }
      let who = labelOf(r.speaker);
      if (!who)
        who =
          r.kind === '意見' || r.kind === '質問' || r.kind === '発言'
            ? rule === 'bracket'
              ? '【委員】'
              : // 内部版: a turn nobody was recorded for says so, rather than look like a role.
                mode === 'internal'
                ? UNKNOWN_SPEAKER_LABEL
                : '委員'
            : '';
      else if (rule === 'name') who = styledSpeakerLabel(r.speaker, speakerCtx, format.speaker, members);
      const prefix = who ? turnPrefix(who, r.speaker) : '';
      return para({ key: `t:${r.id}`, kind: 'turn', prefix, text: r.text, sourceIds: [r.id] });
    });
  }

  /** ○大久保副会長　/ 会長： / the label on its own line (a line break after it). */
  function turnPrefix(who: string, speaker: Speaker): string {
    const sp = format.speaker;
    const bracketed = rule === 'bracket' && who.startsWith('【');
    const chair = speaker.type === 'chair' || (speaker.type === 'member' && speaker.memberId === chairId);
    const mark = isSecretariat(speaker) ? sp.marks.staff : chair ? sp.marks.chair : sp.marks.member;
    const named = rule === 'name' && speaker.type !== 'unknown';
    const person = named ? speakerPersonParts(speaker, speakerCtx, sp, members) : { role: who, name: '', surname: '' };
    const label = bracketed ? who : fillSpeakerPattern(sp.pattern, { mark, who, ...person }, !named);
    return label + (sp.placement === 'colon' ? '：' : sp.placement === 'own-line' ? '\n' : '　');
  }

  /** 議事要旨: what was explained, said and decided, without speakers. */
  function gistParagraphs(list: Remark[]): MinutesParagraph[] {
    return list
      .filter((r) => r.kind !== 'メモ')
      .map((r) =>
        r.kind === '回答'
          ? para({ key: `r:${r.id}`, kind: 'answer', prefix: texts.answerPrefix, text: r.text, sourceIds: [r.id] })
          : r.kind === '説明'
            ? para({ key: `r:${r.id}`, kind: 'text', text: r.text, sourceIds: [r.id] })
            : para({ key: `r:${r.id}`, kind: 'bullet', prefix: '・', text: r.text, sourceIds: [r.id] }),
      );
  }

  /** 決定事項: only what was decided. */
  function decisionParagraphs(list: Remark[]): MinutesParagraph[] {
    return list
      .filter((r) => r.kind === '決定')
      .map((r) => para({ key: `r:${r.id}`, kind: 'bullet', prefix: '・', text: r.text, sourceIds: [r.id] }));
  }

  // ---- header, in the style's rows and labels
  const attendance = new Map(meeting.attendance.map((a) => [a.memberId, a.status]));
  const sortedMembers = [...members].sort((a, b) => a.order - b.order);
  const present = sortedMembers.filter(
    (m) => attendance.get(m.id) === '出席' || attendance.get(m.id) === 'オンライン出席',
  );
  const absent = sortedMembers.filter((m) => attendance.get(m.id) === '欠席');
  // Names hidden in a 公開版 under an anonymising rule, unless the style lists them anyway.
  const namedRows = namedHeaderRows(format, mode, rule);
  const namesHidden = isPublic && rule !== 'name' && namedRows.length === 0;
  const people = (list: Member[]) =>
    attendanceLines(list, {
      attendance,
      chairId,
      officeChairId: councilChair(members)?.id ?? null,
      style: format,
      namesHidden,
      none: texts.none,
    });
  const allStaffPresent = [...staff]
    .filter((s) => meeting.staffPresent.includes(s.id))
    .sort((a, b) => a.order - b.order)
    // Names hidden: the staff by department and title only.
    .map((s) => (namesHidden ? { ...s, name: '', title: s.title || '職員' } : s));
  // 事務局 in the staff row; staff of another group (説明員, 幹事) among the other attendees.
  const staffPresent = allStaffPresent.filter((s) => !staffGroup(s));
  const othersOwnRows = format.attendance.others?.layout === 'own-rows';
  const rows = format.header.rows;
  const hasRow = (key: string) => rows.some((r) => r.key === key);
  // The header rows with `clean` replacing the names in the texts the user wrote (small: drawn
  // a second time, as written, when the review asks for it).
  const headerWith = (clean: (text: string) => string): HeaderField[] => {
    // The meeting's own list is free text: names in it are hidden as in the body unless the roster is named.
    const otherList = (meeting.otherAttendees ?? []).map((o) => (namesHidden ? { ...o, text: clean(o.text) } : o));
    const otherGroups = otherAttendeeGroups(allStaffPresent, otherList, format.attendance);
    const editOf = (key: string) =>
      Object.prototype.hasOwnProperty.call(edits, `h:${key}`) ? clean(edits[`h:${key}`]!) : '';
    const valueOf = (row: (typeof rows)[number]): string[] | null => {
      switch (row.key) {
        case 'name':
          return [meetingName(council, meeting)];
        case 'datetime':
          return formatDateTime(meeting.date, meeting.startTime, meeting.endTime, format.date).split('\n');
        case 'venue':
          return [meeting.venues.join('、')];
        case 'present': {
          const lines = people(present);
          if (format.attendance.absent === 'divider' && absent.length) lines.push('（欠席）', ...people(absent));
          return lines;
        }
        case 'absent':
          return format.attendance.absent === 'row' ? people(absent) : null;
        case 'staff':
          return staffHeaderLines(staffPresent, format.attendance.staff, texts.none);
        case 'observers': {
          const lines = observerLines(meeting.observers, format.header.observersNone, texts.none, false);
          return lines.length ? lines : null;
        }
        case 'agenda': {
          let n = 0;
          const list = meeting.agenda.filter((a) => a.kind === '議題');
          return list.length
            ? list.map((a) => sectionTitle(a.kind, a.title, ++n, width, format.numbering.agenda))
            : [texts.none];
        }
        case 'body':
          return [];
        case 'materials':
          return meeting.materials.map((m, i) => `${formatNumber(i + 1, format.numbering.material, width)}${m.title}`);
        case 'disclosure':
          return [
            ...disclosureLines(meeting.disclosure, meeting.disclosureReason, format.header.disclosure, width),
            ...(hasRow('observers')
              ? []
              : observerLines(meeting.observers, format.header.observersNone, texts.none, true)),
          ];
        case 'others': {
          if (otherGroups.length) return otherAttendeeLines(otherGroups);
          const text = editOf(row.key) || row.text || '';
          return text ? text.split('\n') : null;
        }
        case 'department':
          return editOf(row.key) ? editOf(row.key).split('\n') : council.department ? [council.department] : [];
        default: {
          const text = editOf(row.key) || row.text || '';
          return text ? text.split('\n') : [];
        }
      }
    };
    const header: HeaderField[] = [];
    for (const row of rows) {
      if (row.key === 'others' && othersOwnRows && otherGroups.length) {
        // A row per group, named by it (説明員, 報道関係 …).
        for (const g of otherGroups) header.push({ key: `others:${g.group}`, label: g.group, lines: g.lines });
        continue;
      }
      const lines = valueOf(row);
      if (lines) header.push({ key: row.key, label: row.label, lines });
    }
    return header;
  };

  const name = meetingName(council, meeting);
  const title = titleOf(format.title, mode, input.minutes?.publishedAt ?? null);
  const shownSections = kind === 'decisions' ? sections.filter((s) => s.paragraphs.length > 0) : sections;
  const modelWith = (header: HeaderField[], sections: MinutesSection[]): MinutesModel => {
    const model: MinutesModel = {
      mode,
      style,
      kind,
      format,
      headerForm: format.header.form,
      title: title.printed,
      documentTitle: `${name} ${title.plain}${mode === 'public' ? '（公開版）' : mode === 'internal' ? '（内部版）' : ''}`,
      fileName: minutesFileName(meeting, mode),
      pageMark:
        mode === 'review' ? '案' : mode === 'internal' ? council.publication.internalMark || INTERNAL_MARK : null,
      header,
      sections,
      hiddenNames: hidden,
      namedHeaderRows: namedRows,
      fonts: { body: council.publication.bodyFont, heading: council.publication.headingFont },
    };
    return options.textRules === false ? model : applyModelTextRules(model);
  };
  if (!redactor) return { model: modelWith(headerWith(asWritten), shownSections), unredacted: null };
  const model = modelWith(
    headerWith(clean),
    shownSections.map((s) => ({ ...s, paragraphs: s.paragraphs.map(replaced) })),
  );
  return {
    model,
    unredacted: withUnredacted ? modelWith(headerWith(asWritten), shownSections) : null,
  };
}

/** The attendance rows a 公開版 may print by name under a hiding rule: only when the style says 公開版の氏名. */
export function namedHeaderRows(
  style: Pick<MinutesStyle, 'attendance'>,
  mode: MinutesMode,
  rule: SpeakerLabelRule,
): HeaderRowKey[] {
  return mode === 'public' && rule !== 'name' && style.attendance.namesInPublic
    ? ['present', 'absent', 'staff', 'others']
    : [];
}

/** The printed lines of those rows (what a no-leak check may allow, and only there). */
export function namedHeaderLines(model: Pick<MinutesModel, 'header' | 'namedHeaderRows'>): string[] {
  return model.header
    .filter((h) => (model.namedHeaderRows as string[]).includes(h.key.split(':')[0]!))
    .flatMap((h) => h.lines);
}

/** Every printed text of the model with the style's punctuation and width rules applied. */
export function applyModelTextRules(model: MinutesModel): MinutesModel {
  const rules = model.format.text;
  if (rules.punctuation === 'keep' && rules.alnumWidth === 'keep') return model;
  const t = (s: string) => applyTextRules(s, rules);
  return {
    ...model,
    title: t(model.title),
    header: model.header.map((h) => ({ ...h, lines: h.lines.map(t) })),
    sections: model.sections.map((s) => ({
      ...s,
      title: t(s.title),
      heading: t(s.heading),
      paragraphs: s.paragraphs.map((p) => ({ ...p, prefix: t(p.prefix), text: t(p.text), suffix: t(p.suffix) })),
    })),
  };
}

/** What the style's punctuation and width rules will change at export (for the checks panel). */
export function minutesTextRuleChanges(input: MinutesInput): TextChange[] {
  const model = buildMinutesModel(input, { textRules: false });
  const texts: { where: string; text: string }[] = [{ where: '表題', text: model.title }];
  for (const h of model.header) for (const line of h.lines) texts.push({ where: h.label, text: line });
  for (const s of model.sections) {
    texts.push({ where: s.heading, text: s.heading });
    for (const p of s.paragraphs) texts.push({ where: s.heading, text: paragraphText(p) });
  }
  return listTextRuleChanges(texts, model.format.text);
}

/** The printed text of a paragraph (prefix + text + suffix), as the preview and Word show it. */
export function paragraphText(p: Pick<MinutesParagraph, 'prefix' | 'text' | 'suffix'>): string {
  return `${p.prefix}${p.text}${p.suffix}`;
}

/** Every text of the model, in document order (for tests and searches). */
export function modelText(model: MinutesModel): string {
  const parts = [model.title, model.documentTitle];
  for (const h of model.header) {
    parts.push(h.label, ...h.lines);
    if (h.key === 'body') for (const s of model.sections) parts.push(s.heading, ...s.paragraphs.map(paragraphText));
  }
  return parts.join('\n');
}
