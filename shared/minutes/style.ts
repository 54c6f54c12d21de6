/**
 * The minutes style (会議録の様式): everything about the printed form of a council's 会議録
 * that cities do differently — document kind and title, the header's form and rows,
 * attendance, speaker labels, dates and times, numbering, the fixed texts, punctuation and
 * width, and the page. It belongs to the council (Council.minutesStyle; absent = the seed
 * 004 要点筆記 table, DEFAULT_MINUTES_STYLE). The preview, the Word export and the 確認用
 * copy all take it; a style travels between cities as a `*.shingikai-style.json` file.
 */
import { z } from 'zod';
import type { Council, PublicationSettings } from '../domain';
import { patternNamesSpeaker } from './style-parts';
import { DateTimeFormat, DIGIT_WIDTHS, NUMBER_FORMS, TextRules, type DocumentFormat } from '../style/format';

export const MINUTES_STYLE_VERSION = 1;

/** 会議録（全文） / 発言者別 / 要点筆記 / 議事要旨 / 決定事項. */
export const DOCUMENT_KINDS = ['verbatim', 'speaker', 'summary', 'gist', 'decisions'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  verbatim: '会議録（全文）',
  speaker: '会議録（発言者別）',
  summary: '要点筆記',
  gist: '議事要旨',
  decisions: '決定事項',
};

/** table: 2 columns (seed 004) / numbered: 「1 日時　…」 / numbered-below: the value under its label / block: 日時：… / headed: 【日時】 lines. */
export const HEADER_FORMS = ['table', 'numbered', 'numbered-below', 'block', 'headed'] as const;
export type HeaderForm = (typeof HEADER_FORMS)[number];

/** The rows a header can have; the ones without data of their own print their text (or the minutes' edit h:<key>). */
export const HEADER_ROW_KEYS = [
  'name',
  'datetime',
  'venue',
  'present',
  'absent',
  'staff',
  'others',
  'observers',
  'agenda',
  'body',
  'materials',
  'disclosure',
  'result',
  'next',
  'department',
  'recorder',
  'other',
] as const;
export type HeaderRowKey = (typeof HEADER_ROW_KEYS)[number];
export const HEADER_ROW_DEFAULT_LABELS: Record<HeaderRowKey, string> = {
  name: '会議の名称',
  datetime: '開催日時',
  venue: '開催場所',
  present: '出席委員',
  absent: '欠席委員',
  staff: '事務局職員',
  others: 'その他の出席者',
  observers: '傍聴者',
  agenda: '議題',
  body: '会議内容',
  materials: '会議資料',
  disclosure: '公開・非公開の別',
  result: '会議の結果',
  next: '次回予定',
  department: '所管課',
  recorder: '記録者',
  other: 'その他',
};

const label = z.string().max(50);
const shortText = z.string().max(200);

export const HeaderRow = z.object({
  key: z.enum(HEADER_ROW_KEYS),
  label,
  /** A fixed value for rows without data (記録者, 次回予定 …); the minutes' edit h:<key> wins. */
  text: shortText.optional(),
});
export type HeaderRow = z.infer<typeof HeaderRow>;

export const SPEAKER_PLACEMENTS = ['space', 'colon', 'own-line'] as const; // ○会長　… / 会長：… / on its own line
export const WHO_FORMS = ['name-role', 'surname-role', 'role-name', 'name', 'role'] as const;
// 大久保副会長 / 大久保副会長 (surname) / 副会長（大久保） / 大久保 / 副会長
export const SAME_SURNAME = ['full-name', 'given-initial', 'number'] as const; // 菅原一郎 / 菅原（一） / 菅原（1）

export const MinutesStyle = z.object({
  version: z.literal(MINUTES_STYLE_VERSION),
  name: z.string().min(1).max(100),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.object({
    text: z.string().max(50),
    /** 'review': （案） on the 確認用 copy (today); 'workflow': （案） until published, then （確定稿）; 'none'. */
    status: z.enum(['review', 'workflow', 'none']),
    /** 会　議　録 */
    letterSpacing: z.boolean(),
  }),
  header: z.object({
    form: z.enum(HEADER_FORMS),
    rows: z.array(HeaderRow).max(30),
    /** 公開・非公開 as its value (公開), or the printed form 「１ 公開　２ 一部公開　３ 非公開」 with the chosen one marked. */
    disclosure: z.enum(['value', 'choices']),
    /** The observers line when nobody came: 「（傍聴者 0人）」, 「なし」, or no line. */
    observersNone: z.enum(['count', 'none', 'omit']),
  }),
  attendance: z.object({
    form: z.enum(['names', 'affiliation', 'category', 'count']),
    /** 欠席 as its own header row (the absent row), under a divider in the present row, or not at all. */
    absent: z.enum(['row', 'divider', 'omit']),
    /** 大久保副会長 (role after the name) / ◎井澤 ○大久保 (marks). */
    officers: z.enum(['role', 'mark']),
    /** 【部】役職 lines (seed 004) or one line each 「部署　氏名職名」. */
    staff: z.enum(['department', 'line-each']),
    /** Under an anonymising speaker rule the 公開版 still lists names (most cities). */
    namesInPublic: z.boolean(),
    /**
     * Other attendees (説明員, 幹事, 報道関係 …): in the その他の出席者 row under ＜区分＞ headings
     * ('one-row'), or a header row per group named by it ('own-rows'); groups in `order`
     * first, the rest as they appear (staff in roster order, then the meeting's list).
     */
    others: z
      .object({ layout: z.enum(['one-row', 'own-rows']), order: z.array(z.string().max(50)).max(20) })
      .optional(),
  }),
  speaker: z.object({
    /**
     * {mark}/{記号} and who spoke: {who}/{呼び方} (the 名前の書き方 form), {role}/{役職},
     * {name}/{氏名}, {surname}/{姓} — ○{who} / 【{who}】 / ◆{姓}{役職} / {氏名}委員.
     */
    pattern: z
      .string()
      .max(30)
      .refine(patternNamesSpeaker, '発言者を示す {呼び方}・{役職}・{氏名}・{姓} のどれかを含めてください'),
    marks: z.object({ chair: z.string().max(2), member: z.string().max(2), staff: z.string().max(2) }),
    who: z.enum(WHO_FORMS),
    placement: z.enum(SPEAKER_PLACEMENTS),
    sameSurname: z.enum(SAME_SURNAME),
  }),
  date: DateTimeFormat,
  numbering: z.object({
    section: z.enum(NUMBER_FORMS),
    material: z.enum(NUMBER_FORMS),
    /** The number after 「議題」 in headings and the 議題 row: 議題１ / 議題（１） / 議題① … (files before it: plain). */
    agenda: z.enum(NUMBER_FORMS).default('plain'),
    header: z.enum(NUMBER_FORMS),
    /** One width for every generated number. */
    digitWidth: z.enum(DIGIT_WIDTHS),
  }),
  texts: z.object({
    opinionsGroup: shortText, // ＜各委員から出された主な意見＞
    fieldMark: z.string().max(5), // ■
    answerPrefix: z.string().max(5), // ⇒
    answerSuffix: z.string().max(30), // （市回答）
    /** {who}から{text}: the 説明 paragraph. */
    explanation: z.string().max(50).includes('{text}'),
    none: z.string().max(20), // なし
    /** Stage directions 「（委嘱状交付）」 on their own lines. */
    stageDirections: z.boolean(),
  }),
  text: TextRules,
  page: z.object({
    /** Multiples of single spacing (seed 004: single). */
    lineSpacing: z.number().min(1).max(3),
    bodySize: z.number().min(8).max(16),
    titleSize: z.number().min(10).max(28),
    headingSize: z.number().min(8).max(20),
    marginsMm: z.object({
      top: z.number().min(5).max(60),
      bottom: z.number().min(5).max(60),
      left: z.number().min(5).max(60),
      right: z.number().min(5).max(60),
    }),
    pageNumber: z.enum(['dash', 'plain', 'of-total', 'none']), // - 1 - / 1 / 1 / 3
    /**
     * A Japanese document grid (Word's 文字数と行数): lines per page, and characters per line
     * when set (null: the font's own width, as the Japanese Word default); null: no grid.
     */
    grid: z
      .object({ chars: z.number().int().min(20).max(60).nullable(), lines: z.number().int().min(20).max(60) })
      .nullable(),
  }),
});
export type MinutesStyle = z.infer<typeof MinutesStyle>;

const rows = (...keys: HeaderRowKey[]): HeaderRow[] =>
  keys.map((key) => ({ key, label: HEADER_ROW_DEFAULT_LABELS[key] }));

/** seed 004: the 要点筆記 in a two-column table. */
export const DEFAULT_MINUTES_STYLE: MinutesStyle = {
  version: 1,
  name: '要点筆記（表形式）',
  kind: 'summary',
  title: { text: '会議録', status: 'review', letterSpacing: false },
  header: {
    form: 'table',
    rows: rows(
      'name',
      'datetime',
      'venue',
      'present',
      'absent',
      'staff',
      'others',
      'body',
      'materials',
      'disclosure',
      'other',
    ),
    disclosure: 'value',
    observersNone: 'count',
  },
  attendance: { form: 'names', absent: 'row', officers: 'role', staff: 'department', namesInPublic: false },
  speaker: {
    pattern: '{mark}{who}',
    marks: { chair: '○', member: '○', staff: '○' },
    who: 'name-role',
    placement: 'space',
    sameSurname: 'full-name',
  },
  date: {
    era: 'wareki',
    weekday: 'paren-full',
    time: 'colon',
    noon: false,
    zeroMinutes: 'omit',
    dateTimeSeparator: ' ',
  },
  numbering: { section: 'plain', material: 'dot', agenda: 'plain', header: 'plain', digitWidth: 'full' },
  texts: {
    opinionsGroup: '＜各委員から出された主な意見＞',
    fieldMark: '■',
    answerPrefix: '⇒',
    answerSuffix: '（市回答）',
    explanation: '{who}から{text}',
    none: 'なし',
    stageDirections: false,
  },
  text: { punctuation: 'keep', alnumWidth: 'keep' },
  page: {
    lineSpacing: 1,
    bodySize: 11,
    titleSize: 16,
    headingSize: 12,
    marginsMm: { top: 25, bottom: 25, left: 30, right: 17 },
    pageNumber: 'dash',
    grid: { chars: null, lines: 36 },
  },
};

const merge = (over: (s: MinutesStyle) => MinutesStyle): MinutesStyle => over(structuredClone(DEFAULT_MINUTES_STYLE));

/** Built-in starting points; they differ in kind, header form, speaker label and date form. */
export const MINUTES_STYLE_PRESETS: MinutesStyle[] = [
  DEFAULT_MINUTES_STYLE,
  merge((s) => ({
    ...s,
    name: '発言者別（番号付き）',
    kind: 'speaker',
    header: {
      ...s.header,
      form: 'numbered',
      rows: rows(
        'datetime',
        'venue',
        'present',
        'absent',
        'staff',
        'others',
        'observers',
        'agenda',
        'body',
        'materials',
      ),
      observersNone: 'none',
    },
    attendance: { ...s.attendance, officers: 'mark', namesInPublic: true },
    speaker: { ...s.speaker, marks: { chair: '◎', member: '○', staff: '△' } },
    date: { ...s.date, time: 'kanji', zeroMinutes: 'keep', dateTimeSeparator: '　' },
    numbering: { section: 'paren', material: 'paren', agenda: 'plain', header: 'plain', digitWidth: 'half' },
  })),
  merge((s) => ({
    ...s,
    name: '全文記録（見出し形式）',
    kind: 'verbatim',
    title: { text: '会議録', status: 'workflow', letterSpacing: true },
    header: {
      ...s.header,
      form: 'headed',
      rows: [
        ...rows('name', 'datetime', 'venue', 'present', 'absent', 'staff', 'others', 'disclosure', 'observers'),
        { key: 'recorder', label: '記録者', text: '事務局' },
        ...rows('body'),
      ],
      disclosure: 'choices',
      observersNone: 'none',
    },
    attendance: { ...s.attendance, form: 'affiliation', staff: 'line-each', namesInPublic: true },
    speaker: { ...s.speaker, pattern: '{who}', marks: { chair: '', member: '', staff: '' }, placement: 'own-line' },
    date: { ...s.date, weekday: 'paren-long', time: 'gozen-kara', noon: true },
    numbering: { ...s.numbering, section: 'dai' },
    texts: { ...s.texts, stageDirections: true },
    page: { ...s.page, lineSpacing: 1.15, grid: { chars: null, lines: 30 } },
  })),
  merge((s) => ({
    ...s,
    name: '議事要旨',
    kind: 'gist',
    title: { text: '議事要旨', status: 'review', letterSpacing: false },
    header: {
      ...s.header,
      form: 'block',
      rows: [...rows('datetime', 'venue', 'present', 'agenda', 'body'), { key: 'department', label: '問合せ先' }],
      observersNone: 'omit',
    },
    attendance: { ...s.attendance, form: 'category', absent: 'divider', namesInPublic: true },
    speaker: { ...s.speaker, pattern: '{who}', who: 'role' },
    date: { ...s.date, era: 'both', weekday: 'paren-half' },
    numbering: { section: 'dot', material: 'dot', agenda: 'plain', header: 'plain', digitWidth: 'half' },
    text: { punctuation: 'touten', alnumWidth: 'half' },
    page: { ...s.page, pageNumber: 'of-total' },
  })),
  merge((s) => ({
    ...s,
    name: '決定事項',
    kind: 'decisions',
    title: { text: '決定事項', status: 'review', letterSpacing: false },
    header: {
      ...s.header,
      form: 'numbered-below',
      rows: [...rows('name', 'datetime', 'venue', 'body'), { key: 'next', label: '次回予定', text: '未定' }],
    },
    attendance: { ...s.attendance, form: 'count' },
    date: { ...s.date, time: 'gozen', noon: true },
    numbering: { ...s.numbering, section: 'dai', header: 'plain' },
    page: { ...s.page, grid: null, pageNumber: 'plain' },
  })),
  merge((s) => ({
    ...s,
    name: '発言者別（コロン・西暦）',
    kind: 'speaker',
    header: {
      ...s.header,
      rows: rows(
        'name',
        'datetime',
        'venue',
        'present',
        'absent',
        'staff',
        'others',
        'observers',
        'body',
        'materials',
        'result',
      ),
      disclosure: 'choices',
    },
    attendance: { ...s.attendance, namesInPublic: true },
    speaker: {
      ...s.speaker,
      pattern: '{who}',
      marks: { chair: '', member: '', staff: '' },
      who: 'surname-role',
      placement: 'colon',
      sameSurname: 'given-initial',
    },
    date: { ...s.date, era: 'seireki', weekday: 'paren-half' },
    numbering: { section: 'dot', material: 'dot', agenda: 'plain', header: 'plain', digitWidth: 'half' },
    text: { punctuation: 'comma', alnumWidth: 'keep' },
    page: { ...s.page, bodySize: 10.5, marginsMm: { top: 20, bottom: 20, left: 25, right: 20 }, pageNumber: 'plain' },
  })),
];

export function findPreset(name: string): MinutesStyle | undefined {
  return MINUTES_STYLE_PRESETS.find((p) => p.name === name);
}

/**
 * The style of a council: its own, or the default preset with the council's publication
 * settings (weekday, time, punctuation) so councils without a style print as before.
 */
export function resolveMinutesStyle(
  council: Pick<Council, 'publication'> & { minutesStyle?: MinutesStyle | undefined },
): MinutesStyle {
  if (council.minutesStyle) return council.minutesStyle;
  return styleFromPublication(council.publication);
}

export function styleFromPublication(pub: Pick<PublicationSettings, 'weekdayStyle' | 'timeStyle'>): MinutesStyle {
  const s = structuredClone(DEFAULT_MINUTES_STYLE);
  s.date.weekday = pub.weekdayStyle;
  s.date.time = pub.timeStyle;
  return s;
}

/** The date/number/punctuation part every document of the council shares. */
export function documentFormat(
  council: Pick<Council, 'publication'> & { minutesStyle?: MinutesStyle | undefined },
): DocumentFormat {
  const s = resolveMinutesStyle(council);
  return { date: s.date, digitWidth: s.numbering.digitWidth, text: s.text };
}

// ---------------------------------------------------------------- refusing a style that prints nothing

/** Why a style cannot be used (null = usable): a document needs a title and a header. */
export function styleProblem(style: MinutesStyle): string | null {
  if (!style.title.text.trim()) return '表題が空です。表題のない文書は作れません。';
  const printed = style.header.rows.filter((r) => r.key !== 'body');
  if (printed.length === 0) return '見出し（日時・場所など）の項目が一つもありません。空の見出しの文書は作れません。';
  const unlabelled = printed.find((r) => !r.label.trim());
  if (unlabelled) return `見出しの項目「${HEADER_ROW_DEFAULT_LABELS[unlabelled.key]}」の名前が空です。`;
  const keys = style.header.rows.map((r) => r.key);
  const twice = keys.find((k, i) => keys.indexOf(k) !== i);
  if (twice) return `見出しの項目「${HEADER_ROW_DEFAULT_LABELS[twice]}」が二度あります。`;
  return null;
}

// ---------------------------------------------------------------- the style file

export const STYLE_FILE_SUFFIX = '.shingikai-style.json';
export const STYLE_FILE_FORMAT = 'shingikai-style';

export const MinutesStyleFile = z.object({
  format: z.literal(STYLE_FILE_FORMAT),
  version: z.literal(MINUTES_STYLE_VERSION),
  style: MinutesStyle,
});

/** The Japanese names of the style's fields, for messages about a bad file. */
const FIELD_NAMES: Record<string, string> = {
  format: 'ファイルの種類',
  version: '版',
  style: '様式',
  name: '様式の名前',
  kind: '文書の種類',
  title: '表題',
  text: '文字',
  status: '状態の表示',
  letterSpacing: '字間',
  header: '見出し',
  form: '形式',
  rows: '項目',
  key: '項目の種類',
  label: '項目名',
  disclosure: '公開・非公開の表示',
  observersNone: '傍聴者なしの表示',
  attendance: '出席者',
  absent: '欠席者',
  officers: '会長・副会長の表示',
  staff: '事務局職員',
  namesInPublic: '公開版の氏名',
  others: 'その他の出席者',
  layout: '並べ方',
  order: '区分の順',
  speaker: '発言者',
  pattern: 'ラベルの型',
  marks: '記号',
  who: '呼び方',
  placement: '位置',
  sameSurname: '同姓の区別',
  date: '日付・時刻',
  era: '年の表記',
  weekday: '曜日',
  time: '時刻',
  noon: '正午',
  zeroMinutes: '00分',
  dateTimeSeparator: '日付と時刻の区切り',
  numbering: '番号',
  section: '項目番号',
  material: '資料番号',
  digitWidth: '数字の幅',
  texts: '定型文',
  punctuation: '句読点',
  alnumWidth: '英数字の幅',
  page: 'ページ',
  lineSpacing: '行間',
  bodySize: '本文の文字の大きさ',
  titleSize: '表題の文字の大きさ',
  headingSize: '見出しの文字の大きさ',
  marginsMm: '余白',
  pageNumber: 'ページ番号',
  grid: '文字数と行数',
};

export function fieldPathLabel(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `${p + 1}番目` : (FIELD_NAMES[String(p)] ?? String(p)))).join('の');
}

export type StyleFileResult = { ok: true; style: MinutesStyle } | { ok: false; message: string };

/** Reads a style file; a bad one gives a Japanese message naming the first bad field. */
export function parseStyleFile(text: string): StyleFileResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, message: '様式ファイルを読めません。JSON 形式ではありません。' };
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== STYLE_FILE_FORMAT)
    return { ok: false, message: '会議録の様式ファイル（.shingikai-style.json）ではありません。' };
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > MINUTES_STYLE_VERSION)
    return {
      ok: false,
      message: `この様式ファイルは新しい版（第${version}版）です。アプリを更新してから読み込んでください。`,
    };
  const parsed = MinutesStyleFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = fieldPathLabel(issue.path);
    return {
      ok: false,
      message: `様式ファイルの「${where}」が正しくありません（${issue.message}）。何も変更していません。`,
    };
  }
  const problem = styleProblem(parsed.data.style);
  if (problem) return { ok: false, message: `この様式は使えません：${problem}` };
  return { ok: true, style: parsed.data.style };
}

/** The file's text: versioned, readable, one style. */
export function styleFileText(style: MinutesStyle): string {
  return JSON.stringify({ format: STYLE_FILE_FORMAT, version: MINUTES_STYLE_VERSION, style }, null, 2) + '\n';
}

/** 要点筆記（表形式）.shingikai-style.json — characters Windows refuses become ＿. */
export function styleFileName(style: Pick<MinutesStyle, 'name'>): string {
  return `${style.name.replace(/[\\/:*?"<>|]/g, '＿') || '会議録の様式'}${STYLE_FILE_SUFFIX}`;
}
