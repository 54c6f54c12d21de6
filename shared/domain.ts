/**
 * The domain model of 審議会デスク (docs/ARCHITECTURE.md; terms in docs/GLOSSARY.md).
 *
 * One zod schema per record: the renderer stores these records in IndexedDB, and main
 * re-validates them whenever they cross the contract (exports, imports). Types are
 * inferred from the schemas so there is exactly one definition of each record.
 *
 * Conventions: ids are opaque strings (UUIDs); calendar dates are 'YYYY-MM-DD' strings
 * (a Japanese calendar date, no time zone); times are 'HH:MM'; timestamps are ISO strings.
 */
import { z } from 'zod';
import { MinutesStyle } from './minutes/style';
import { CouncilTemplate } from './templates/schema';

export const id = z.string().min(1).max(100);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日付の形式が正しくありません（YYYY-MM-DD）');
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻の形式が正しくありません（HH:MM）');
export const timestamp = z.string().min(1).max(40);
const text = (max = 20000) => z.string().max(max);

// ---------------------------------------------------------------- council

export const Field = z.object({ id, name: text(100).min(1) });
export type Field = z.infer<typeof Field>;

export const SPEAKER_LABEL_RULES = ['name', 'role', 'letter', 'bracket'] as const;
/** How speakers are labelled in a 公開版: 大久保副会長 / 委員 / A委員 / 【委員】. */
export const SpeakerLabelRule = z.enum(SPEAKER_LABEL_RULES);
export type SpeakerLabelRule = z.infer<typeof SpeakerLabelRule>;

export const WEEKDAY_STYLES = ['paren-full', 'paren-half', 'paren-long'] as const; // （金） (金) （金曜日）
export const TIME_STYLES = ['colon', 'kanji', 'gozen'] as const; // 13:30～15:30 / 13時30分～15時30分 / 午後1時30分～3時30分
export const PublicationSettings = z.object({
  speakerLabel: SpeakerLabelRule,
  punctuation: z.enum(['touten', 'comma']), // 、。 or ，。
  digitWidth: z.enum(['half', 'full-single']), // half-width, or full-width for one-digit numbers
  weekdayStyle: z.enum(WEEKDAY_STYLES),
  timeStyle: z.enum(TIME_STYLES),
  bodyFont: text(100),
  headingFont: text(100),
  /** Printed in a 公開版 under the title of an item discussed in closed session (default 非公開で審議したため、掲載しません). */
  closedSessionText: text(500).optional(),
  /** The mark in the header of every page of an internal copy (default 内部用). */
  internalMark: text(50).optional(),
  /** 要点筆記: the group for opinions without a field (default その他; '' = no heading). */
  otherFieldTitle: text(100).optional(),
});
export type PublicationSettings = z.infer<typeof PublicationSettings>;

/** One grade of the self-evaluation of an action's yearly progress (A: 計画どおり …); a council setting. */
export const EvaluationGrade = z.object({ label: text(20).min(1), meaning: text(200) });
export type EvaluationGrade = z.infer<typeof EvaluationGrade>;

export const QuorumRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('majority') }), // more than half of the members
  z.object({ kind: z.literal('fraction'), numerator: z.number().int().min(1), denominator: z.number().int().min(1) }),
  z.object({ kind: z.literal('count'), count: z.number().int().min(0) }),
]);
export type QuorumRule = z.infer<typeof QuorumRule>;

export const MatrixColumn = z.object({
  id,
  title: text(200).min(1),
  /** Opinion columns fill themselves from opinions of this source; null = edited text items. */
  opinionSource: z.enum(['meeting', 'interview', 'written', 'public-comment']).nullable(),
});
export type MatrixColumn = z.infer<typeof MatrixColumn>;

export const LABEL_SCOPES = ['term', 'meeting'] as const;
/**
 * Public letters (A委員) as assigned once and kept: per council term, or per meeting.
 * memberId → letter. Letters never move once stored; shared/publication/labels.ts assigns.
 */
export const PublicLabels = z.object({
  scope: z.enum(LABEL_SCOPES),
  term: z.record(z.string(), text(10)),
  meetings: z.record(z.string(), z.record(z.string(), text(10))),
});
export type PublicLabels = z.infer<typeof PublicLabels>;

export const Council = z.object({
  id,
  name: text(200).min(1),
  municipality: text(100),
  department: text(200), // 所管課
  termStart: isoDate.nullable(),
  termEnd: isoDate.nullable(),
  fields: z.array(Field),
  quorum: QuorumRule,
  publication: PublicationSettings,
  matrixColumns: z.array(MatrixColumn),
  /** Reflection statuses offered for opinions (docs/CONVENTIONS.md §6.1; a per-council list). */
  responseStatuses: z.array(text(50).min(1)),
  /** Stages a draft version can be frozen at (骨子案, 素案, 案, 確定). */
  draftStages: z.array(text(50).min(1)),
  /** Days after a meeting by which its minutes are due. */
  minutesDueDays: z.number().int().min(0).max(365),
  /** The scale of the yearly self-evaluation of actions (進行管理); absent = A/B/C (shared/actions). */
  evaluationScale: z.array(EvaluationGrade).optional(),
  /** The council's 会議録 format (shared/minutes/style.ts); absent = the reference-004 要点筆記 table (docs/CONVENTIONS.md §1). */
  minutesStyle: MinutesStyle.optional(),
  /** The city's own Word templates (files among the attachments, by storedName; shared/templates/schema.ts). */
  templates: z.array(CouncilTemplate).max(50).optional(),
  archived: z.boolean(),
  /** Stored public letters (absent: assigned in roster order, the same on every export). */
  publicLabels: PublicLabels.optional(),
  /** The council's short name that leads export file names (absent or empty: its name). */
  fileLabel: text(50).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Council = z.infer<typeof Council>;

/** The usual titles; a member's role is free text from the roster (委員長, 座長, 部会長 …; shared/offices.ts). */
export const MEMBER_ROLES = ['会長', '副会長', '委員'] as const;
export const Member = z.object({
  id,
  councilId: id,
  name: text(100).min(1),
  reading: text(100), // よみがな, for 50音 sort and type-ahead
  /** 役職 as the roster writes it (会長, 委員長, 座長, 職務代理者, 委員 …); its rank: shared/offices.ts. */
  role: text(50).min(1),
  category: text(100), // 学識経験者, 関係団体, 公募市民 …
  affiliation: text(200),
  termStart: isoDate.nullable(),
  termEnd: isoDate.nullable(),
  order: z.number(), // roster order
});
export type Member = z.infer<typeof Member>;

export const Staff = z.object({
  id,
  councilId: id,
  department: text(200), // 行政経営部 / 業務改善・ＤＸ推進課
  title: text(100), // 部長 / 課長 / 課長補佐 / 係長 / ''
  name: text(100).min(1), // family name as printed: 東, 中嶋 …
  order: z.number(),
  /** Other than 事務局 (absent or ''): 説明員, 幹事 … — listed as their own group among the other attendees of the minutes. */
  group: text(50).optional(),
});
export type Staff = z.infer<typeof Staff>;

/** Someone at one meeting who is neither member nor 事務局: 説明員, 報道関係, オブザーバー … (one line each, as typed). */
export const OtherAttendee = z.object({ id, group: text(50).min(1), text: text(500) });
export type OtherAttendee = z.infer<typeof OtherAttendee>;

// ---------------------------------------------------------------- meeting

export const ATTENDANCE = ['出席', 'オンライン出席', '欠席'] as const;
export const Attendance = z.object({ memberId: id, status: z.enum(ATTENDANCE) });
export type Attendance = z.infer<typeof Attendance>;

export const AGENDA_KINDS = ['開会', '報告', '説明', '議題', 'その他', '閉会'] as const;
export const AgendaItem = z.object({
  id,
  kind: z.enum(AGENDA_KINDS),
  title: text(500),
  /** この議題は非公開で審議: a 公開版 prints the title and the council's closed-session line only. */
  closed: z.boolean().optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Material = z.object({
  id,
  label: text(50), // 資料１
  title: text(500),
  /** A copy kept in the app's data folder by main (never the user's original path). */
  file: z.object({ storedName: text(300), originalName: text(300), size: z.number().int().min(0) }).nullable(),
});
export type Material = z.infer<typeof Material>;

export const MEETING_STATUSES = ['予定', '開催済', '作成中', '確認中', '確定', '公開済'] as const;
export const DISCLOSURES = ['公開', '一部公開', '非公開'] as const;
export const MEETING_FORMATS = ['対面', 'オンライン', 'ハイブリッド'] as const;

export const Meeting = z.object({
  id,
  councilId: id,
  number: z.number().int().min(1), // 第N回
  date: isoDate.nullable(), // null while 日程調整中
  startTime: hhmm.nullable(),
  endTime: hhmm.nullable(),
  venues: z.array(text(200)),
  format: z.enum(MEETING_FORMATS),
  attendance: z.array(Attendance),
  staffPresent: z.array(id),
  /** Other attendees of this meeting by group (説明員, 報道関係 …); staff with a group come from staffPresent. */
  otherAttendees: z.array(OtherAttendee).max(200).optional(),
  /** Chair of the day; null = the 会長. */
  chairMemberId: id.nullable(),
  agenda: z.array(AgendaItem),
  materials: z.array(Material),
  disclosure: z.enum(DISCLOSURES),
  disclosureReason: text(1000),
  observers: z.number().int().min(0),
  status: z.enum(MEETING_STATUSES),
  minutesDue: isoDate.nullable(),
  note: text(2000),
  /** The user chose the status by hand; the automatic 予定 → 開催済 rule (shared/meeting-status.ts) leaves it alone. */
  statusSetByUser: z.boolean().optional(),
  /** When the meeting actually started (「今から開始」), if later than startTime; the live clock counts from it. */
  actualStart: hhmm.nullable().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Meeting = z.infer<typeof Meeting>;

// ---------------------------------------------------------------- remark

export const REMARK_KINDS = ['発言', '説明', '質問', '回答', '意見', '決定', '報告', 'メモ'] as const;
export const Speaker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('member'), memberId: id }),
  z.object({ type: z.literal('staff'), staffId: id }),
  z.object({ type: z.literal('secretariat') }), // 事務局 as a body
  z.object({ type: z.literal('chair') }), // whoever chairs that day
  z.object({ type: z.literal('unknown') }),
]);
export type Speaker = z.infer<typeof Speaker>;

export const Remark = z.object({
  id,
  meetingId: id,
  agendaItemId: id.nullable(),
  order: z.number(),
  kind: z.enum(REMARK_KINDS),
  speaker: Speaker,
  fieldId: id.nullable(),
  text: text(20000),
  /** Seconds from the meeting start; null when not recorded live. */
  offsetSec: z.number().min(0).nullable(),
  nonPublic: z.boolean(), // 非公開: never in a 公開版
  needsCheck: z.boolean(), // 要確認
  /** For an answer (回答): the question it answers. */
  replyToId: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Remark = z.infer<typeof Remark>;

// ---------------------------------------------------------------- opinion

export const OPINION_SOURCES = ['meeting', 'interview', 'written', 'public-comment'] as const;
export const OPINION_SOURCE_LABELS: Record<(typeof OPINION_SOURCES)[number], string> = {
  meeting: '審議会',
  interview: '各課インタビュー',
  written: '書面意見',
  'public-comment': 'パブリックコメント',
};
export const Opinion = z.object({
  id,
  councilId: id,
  source: z.enum(OPINION_SOURCES),
  meetingId: id.nullable(),
  remarkId: id.nullable(),
  memberId: id.nullable(),
  /** Who, when not a member: 〇〇課 (interview), 提出者 (written) … */
  sourceLabel: text(200),
  fieldId: id.nullable(),
  summary: text(5000).min(1),
  response: text(5000), // 市の考え方 / 市回答
  status: text(50), // one of council.responseStatuses; '' = 未対応
  sectionIds: z.array(id), // vision/plan sections that reflect it
  order: z.number(),
  nonPublic: z.boolean(),
  /** Set on a duplicate merged into another opinion: kept (with its source), shown under that one. */
  mergedIntoId: id.nullable().optional(),
  /** Actions of an action plan this opinion is about (opinions on progress, 進行管理). */
  actionIds: z.array(id).optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Opinion = z.infer<typeof Opinion>;

// ---------------------------------------------------------------- draft (vision / plan)

export const Block = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('paragraph'),
    text: text(),
    /**
     * A labelled box of the printed draft (reference 004, docs/CONVENTIONS.md §9: 「目指す姿」「大事にする価値」): the
     * paragraph is printed inside a ruled box under this label. Optional; absent = a plain paragraph.
     */
    box: text(100).optional(),
  }),
  z.object({ type: z.literal('bullets'), items: z.array(text()) }),
  z.object({ type: z.literal('table'), rows: z.array(z.array(text(5000))), header: z.boolean() }),
]);
export type Block = z.infer<typeof Block>;

/** A section keeps its id across versions, so versions compare section by section. */
export const Section = z.object({
  id,
  parentId: id.nullable(),
  order: z.number(),
  heading: text(500),
  blocks: z.array(Block),
});
export type Section = z.infer<typeof Section>;

export const NUMBERING_STYLES = ['roman', 'dai'] as const; // Ⅰ．/１．/（１）/①  or  第1/1/(1)/ア
export const Draft = z.object({
  id,
  councilId: id,
  title: text(300).min(1),
  issuer: text(200), // 飯塚市
  date: isoDate.nullable(),
  numbering: z.enum(NUMBERING_STYLES),
  sections: z.array(Section), // the working copy
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Draft = z.infer<typeof Draft>;

export const DraftVersion = z.object({
  id,
  draftId: id,
  stage: text(50), // 骨子案 / 素案 / 案 / 確定
  date: isoDate,
  note: text(1000), // 第２回審議会資料１
  title: text(300),
  issuer: text(200),
  numbering: z.enum(NUMBERING_STYLES),
  sections: z.array(Section), // frozen snapshot
  frozenAt: timestamp,
});
export type DraftVersion = z.infer<typeof DraftVersion>;

// ---------------------------------------------------------------- field matrix, plan, minutes

/** A text cell item of the field matrix (the non-opinion columns). */
export const MatrixItem = z.object({
  id,
  councilId: id,
  fieldId: id,
  columnId: id,
  text: text(5000),
  order: z.number(),
});
export type MatrixItem = z.infer<typeof MatrixItem>;

/** 会議開催計画 (docs/CONVENTIONS.md §7.5): planned meetings by month with themes. */
export const PlanEntry = z.object({
  id,
  councilId: id,
  fiscalYear: z.number().int(), // 西暦の年度 (2023 = 令和5年度)
  month: z.number().int().min(1).max(12),
  meetingNumber: z.number().int().min(1).nullable(),
  themes: z.array(text(500)),
  order: z.number(),
});
export type PlanEntry = z.infer<typeof PlanEntry>;

export const MINUTES_STYLES = ['summary', 'speaker'] as const; // 要点筆記 / 発言者別
export const MinutesHistoryEntry = z.object({ at: timestamp, who: text(100), action: text(100), reason: text(1000) });
export const Minutes = z.object({
  id, // = meetingId
  meetingId: id,
  style: z.enum(MINUTES_STYLES),
  /** Text edited by hand, per section key; absent = generated from the remarks. */
  edits: z.record(z.string(), text(100000)),
  history: z.array(MinutesHistoryEntry),
  publishedAt: isoDate.nullable(),
  updatedAt: timestamp,
});
export type Minutes = z.infer<typeof Minutes>;

/** The whole of one council, as the sample and backups carry it. */
export const CouncilBundle = z.object({
  council: Council,
  members: z.array(Member),
  staff: z.array(Staff),
  meetings: z.array(Meeting),
  remarks: z.array(Remark),
  opinions: z.array(Opinion),
  drafts: z.array(Draft),
  draftVersions: z.array(DraftVersion),
  matrixItems: z.array(MatrixItem),
  planEntries: z.array(PlanEntry),
  minutes: z.array(Minutes),
});
export type CouncilBundle = z.infer<typeof CouncilBundle>;

export const DEFAULT_FIELDS = ['行政施策', 'DX推進', '財務', '人材育成', '働き方改革', '経営'];
export const DEFAULT_RESPONSE_STATUSES = [
  '反映する',
  '一部反映',
  '既に記載',
  '今後の参考',
  '反映しない',
  '質問・その他',
];
export const DEFAULT_DRAFT_STAGES = ['骨子案', '素案', '案', '確定'];
export const DEFAULT_PUBLICATION: PublicationSettings = {
  speakerLabel: 'name',
  punctuation: 'touten',
  digitWidth: 'half',
  weekdayStyle: 'paren-full',
  timeStyle: 'colon',
  bodyFont: 'ＭＳ 明朝',
  headingFont: 'ＭＳ ゴシック',
};
