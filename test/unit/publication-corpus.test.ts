/**
 * A seeded generated corpus of councils and meetings, exported to every public document
 * main builds — 会議録 (.docx, 要点筆記 and 発言者別), 分野別意見一覧 and 意見対応表
 * (.xlsx/.docx), 各分野の現状と課題 (.xlsx/.docx), 前回の主な意見と対応 (.docx), and the HTML
 * editions of the 会議録 and the 意見対応表 / 分野別意見一覧 (.html) — with
 * every part of every package unzipped and searched for hidden names (every written
 * form) and non-public text. A control run with names not hidden must find leaks.
 */
import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import type {
  Council,
  MatrixItem,
  Meeting,
  Member,
  Minutes,
  Opinion,
  Remark,
  SpeakerLabelRule,
  Staff,
} from '../../shared/domain';
import { newCouncil, newMeeting } from '../../shared/factory';
import { DEFAULT_FIELDS } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { buildMinutesExport } from '../../electron/services/minutes/handlers';
import { buildOpinionDocument, type OpinionDocumentKind } from '../../electron/services/opinions/documents';
import type { OpinionDocumentData } from '../../shared/opinions/publication';
import { buildMinutesHtmlExport } from '../../electron/services/html/minutes';
import { buildOpinionsHtml, OPINION_HTML_KINDS } from '../../electron/services/html/opinions';
import { MINUTES_STYLE_PRESETS } from '../../shared/minutes/style';
import { buildMinutesModel, namedHeaderLines, type MinutesInput } from '../../shared/minutes/model';
import { templateData } from '../../electron/services/templates/data';
import { fillTemplate } from '../../electron/services/templates/fill';
import { buildStarterTemplate } from '../../electron/services/templates/starter';

// ---------------------------------------------------------------- seeded generator

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HALF_KANA: Record<string, string> = Object.fromEntries(
  [
    ...'アｱイｲウｳエｴオｵカｶキｷクｸケｹコｺサｻシｼスｽセｾソｿタﾀチﾁツﾂテﾃトﾄナﾅニﾆヌﾇネﾈノﾉハﾊヒﾋフﾌヘﾍホﾎマﾏミﾐムﾑメﾒモﾓヤﾔユﾕヨﾖラﾗリﾘルﾙレﾚロﾛワﾜンﾝャｬュｭョｮッｯー-'.matchAll(
      /(.)(.)/gu,
    ),
  ].map((m) => [m[1]!, m[2]!]),
);
const VOICED: Record<string, string> = {
  ガ: 'ｶﾞ',
  ギ: 'ｷﾞ',
  グ: 'ｸﾞ',
  ゲ: 'ｹﾞ',
  ゴ: 'ｺﾞ',
  ザ: 'ｻﾞ',
  ジ: 'ｼﾞ',
  ズ: 'ｽﾞ',
  ゼ: 'ｾﾞ',
  ゾ: 'ｿﾞ',
  ダ: 'ﾀﾞ',
  デ: 'ﾃﾞ',
  ド: 'ﾄﾞ',
  バ: 'ﾊﾞ',
  ビ: 'ﾋﾞ',
  ブ: 'ﾌﾞ',
  ベ: 'ﾍﾞ',
  ボ: 'ﾎﾞ',
  パ: 'ﾊﾟ',
  ピ: 'ﾋﾟ',
  プ: 'ﾌﾟ',
  ペ: 'ﾍﾟ',
  ポ: 'ﾎﾟ',
};
const kata = (s: string) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
const halfKana = (s: string) => [...kata(s)].map((c) => VOICED[c] ?? HALF_KANA[c] ?? c).join('');

/** [surname, given, surname reading, given reading]; given '' = the name is a surname only. */
const PEOPLE: [string, string, string, string][] = [
  ['田中', '太郎', 'たなか', 'たろう'],
  ['田中', '次郎', 'たなか', 'じろう'], // same surname as the one before
  ['河', '', 'かわ', ''], // one character
  ['菅原', '美咲', 'すがわら', 'みさき'],
  ['井澤', '健', 'いざわ', 'けん'],
  ['畠中', '誠', 'はたなか', 'まこと'],
  ['小林', 'さくら', 'こばやし', 'さくら'],
  ['渡辺', '翔太', 'わたなべ', 'しょうた'],
  ['松本', '陽菜', 'まつもと', 'はるな'],
  ['大久保', '一郎', 'おおくぼ', 'いちろう'],
  ['山田', '花子', 'やまだ', 'はなこ'],
  ['石井', '大輔', 'いしい', 'だいすけ'],
  ['森', '由美', 'もり', 'ゆみ'],
  ['長谷川', '亮', 'はせがわ', 'りょう'],
];
const STAFF: [string, string][] = [
  ['中嶋', '課長'],
  ['東', '部長'], // one character
  ['上田', '課長補佐'],
  ['伊佐', '係長'],
];
const HONORIFICS = ['さん', '委員', '先生', '氏', '様', '君'];
/** Filler that contains no name and no kana a reading could match. */
const FILLER = [
  '行政サービスの改善が必要だと考えます',
  '窓口の待ち時間を短くしてほしい',
  '業務の見直しを進めるべきではないか',
  'デジタル化の効果を検証してほしい',
  '職員の働き方を改善すべきである',
  '予算の配分を見直すべきだ',
];

interface Gen {
  rule: SpeakerLabelRule;
  council: Council;
  members: Member[];
  staff: Staff[];
  meetings: Meeting[];
  remarks: Remark[];
  minutes: Map<string, Minutes>;
  opinions: Opinion[];
  matrixItems: MatrixItem[];
  /** Meetings whose text names someone where a label cannot stand (the export must stop). */
  unsafeMeetings: Set<string>;
  unsafeRemarks: Set<string>;
  unsafeOpinions: Set<string>;
}

let seq = 0;
const makeId = () => `g${++seq}`;
const NOW = '2024-01-01T00:00:00.000Z';

function generateCouncil(rand: () => number, index: number, meetingCount: number, rule: SpeakerLabelRule): Gen {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const councilId = makeId();
  const fields = DEFAULT_FIELDS.map((name) => ({ id: makeId(), name }));
  const council = newCouncil({ id: councilId, name: `テスト審議会${index}`, fields }, makeId, NOW);
  council.publication = { ...council.publication, speakerLabel: rule };
  const members: Member[] = PEOPLE.map(([s, g, rs, rg], i) => ({
    id: makeId(),
    councilId: council.id,
    // Roster entries with a full-width space, a half-width space, or none.
    // Roster entries with a half-width or a full-width space between surname and given name.
    name: g ? `${s}${i % 2 ? ' ' : '　'}${g}` : s,
    reading: rg ? `${rs} ${rg}` : rs,
    role: i === 10 ? '会長' : i === 9 ? '副会長' : '委員',
    category: '',
    affiliation: '',
    termStart: null,
    termEnd: null,
    order: i,
  }));
  const staff: Staff[] = STAFF.map(([name, title], i) => ({
    id: makeId(),
    councilId: council.id,
    department: '行政経営部',
    title,
    name,
    order: i,
  }));
  const parts = (m: Member) => {
    const i = members.indexOf(m);
    return PEOPLE[i]!;
  };

  /** One written form of a person's name, safe to replace by a label. */
  const nameForm = (m: Member): string => {
    const [s, g, rs, rg] = parts(m);
    const hon = pick(HONORIFICS);
    const sameSurname = members.filter((x) => parts(x)[0] === s).length > 1 && rule === 'letter';
    const forms: string[] = [];
    if (g) {
      forms.push(`${s}${g}${hon}`, `${s} ${g}${hon}`, `${s}　${g}`, `${s}${g}`, `${g}${hon}`, `${g}さん`);
      forms.push(`${rs}${rg}さん`, `${kata(rs)} ${kata(rg)}${hon}`, `${halfKana(rs)} ${halfKana(rg)}さん`);
      if (rg.length >= 3) forms.push(kata(rg));
    }
    if (!sameSurname) {
      forms.push(`${s}${hon}`, `${kata(rs)}${hon}`, `${halfKana(rs)}さん`);
      if (s.length >= 2) forms.push(s);
    }
    if (m.role !== '委員') forms.push(`${s}${m.role}`);
    return pick(forms);
  };
  const staffForm = (s: Staff) => pick([`${s.name}${s.title}`, `${s.name}さん`, `${s.name} ${s.title}`]);
  const safeSentence = () => {
    const m = pick(members);
    const t = pick([
      () => `先ほどの${nameForm(m)}のご意見に賛成です。${pick(FILLER)}。`,
      () => `${pick(FILLER)}。${nameForm(m)}からも同じ指摘があった。`,
      () => `${staffForm(pick(staff))}の説明について、${nameForm(m)}と同じく${pick(FILLER)}。`,
      () => `鈴木さんのお店の話もあったが、${pick(FILLER)}。`,
    ]);
    return t();
  };
  const unsafeSentence = () => {
    const [a, b] = [members[10]!, members[9]!];
    return pick([
      `会長に${parts(a)[0]}${parts(a)[1]}委員、副会長に${parts(b)[0]}委員が選出された。`,
      `${parts(a)[0]}委員が会長に選ばれた。`,
      ...(rule === 'letter' ? [`田中さんの意見について${pick(FILLER)}。`] : []),
    ]);
  };

  const meetings: Meeting[] = [];
  const remarks: Remark[] = [];
  const minutes = new Map<string, Minutes>();
  const opinions: Opinion[] = [];
  const unsafeMeetings = new Set<string>();
  const unsafeRemarks = new Set<string>();
  const unsafeOpinions = new Set<string>();
  let secret = 0;
  const secretText = () => `非公開ZQ${index}x${++secret}の内容。${pick(FILLER)}。`;

  for (let n = 1; n <= meetingCount; n++) {
    const agenda = [
      { id: makeId(), kind: '開会' as const, title: '' },
      { id: makeId(), kind: '議題' as const, title: '各分野の現状と課題について' },
      { id: makeId(), kind: '議題' as const, title: '人事案件について', closed: rand() < 0.3 },
      { id: makeId(), kind: '閉会' as const, title: '' },
    ];
    const meeting = newMeeting(
      {
        councilId: council.id,
        number: n,
        date: `2024-${String((n % 12) + 1).padStart(2, '0')}-10`,
        agenda,
        disclosure: rand() < 0.1 ? '非公開' : '公開',
        attendance: members.map((m) => ({ memberId: m.id, status: '出席' as const })),
        staffPresent: staff.map((s) => s.id),
        status: '開催済',
      },
      makeId,
      NOW,
    );
    meetings.push(meeting);
    let order = 0;
    const add = (r: Partial<Remark> & Pick<Remark, 'kind' | 'speaker' | 'text'>): Remark => {
      const remark: Remark = {
        id: makeId(),
        meetingId: meeting.id,
        agendaItemId: agenda[1]!.id,
        order: order++,
        fieldId: null,
        offsetSec: null,
        nonPublic: false,
        needsCheck: false,
        replyToId: null,
        createdAt: NOW,
        updatedAt: NOW,
        ...r,
      };
      remarks.push(remark);
      return remark;
    };
    add({
      kind: '発言',
      speaker: { type: 'chair' },
      text: 'ただいまから会議を開会します。',
      agendaItemId: agenda[0]!.id,
    });
    add({
      kind: '説明',
      speaker: { type: 'staff', staffId: pick(staff).id },
      text: `資料について説明。${safeSentence()}`,
    });
    const count = 3 + Math.floor(rand() * 4);
    for (let k = 0; k < count; k++) {
      const m = pick(members);
      const hidden = rand() < 0.15;
      const q = add({
        kind: pick(['意見', '質問', '発言'] as const),
        speaker: { type: 'member', memberId: m.id },
        fieldId: rand() < 0.7 ? pick(council.fields).id : null,
        text: hidden ? secretText() : safeSentence(),
        nonPublic: hidden,
      });
      if (rand() < 0.4)
        add({
          kind: '回答',
          speaker: { type: 'staff', staffId: pick(staff).id },
          text: hidden ? secretText() : `${staffForm(pick(staff))}から回答。${safeSentence()}`,
          replyToId: rand() < 0.5 ? q.id : null,
        });
      if (rand() < 0.25)
        opinions.push({
          id: makeId(),
          councilId: council.id,
          source: 'meeting',
          meetingId: meeting.id,
          remarkId: q.id,
          memberId: m.id,
          sourceLabel: '',
          fieldId: q.fieldId,
          summary: meeting.disclosure === '非公開' || hidden ? secretText() : safeSentence(),
          response: `${staffForm(pick(staff))}が対応する。${safeSentence()}`,
          status: '',
          sectionIds: [],
          order: opinions.length,
          nonPublic: hidden,
          createdAt: NOW,
          updatedAt: NOW,
        });
    }
    add({ kind: 'メモ', speaker: { type: 'unknown' }, text: secretText(), nonPublic: true });
    // The closed item: everything said in it is non-public, whatever the remark flag says.
    add({
      kind: '意見',
      speaker: { type: 'member', memberId: pick(members).id },
      text: agenda[2]!.closed ? secretText() : safeSentence(),
      agendaItemId: agenda[2]!.id,
    });
    if (rand() < 0.1) {
      const r = add({ kind: '決定', speaker: { type: 'chair' }, text: unsafeSentence(), agendaItemId: agenda[3]!.id });
      unsafeMeetings.add(meeting.id);
      unsafeRemarks.add(r.id);
    }
    add({
      kind: '発言',
      speaker: { type: 'chair' },
      text: 'ほかにご意見はありませんか。以上で閉会します。',
      agendaItemId: agenda[3]!.id,
    });
    const publicRemarks = remarks.filter(
      (r) => r.meetingId === meeting.id && !r.nonPublic && r.agendaItemId === agenda[1]!.id,
    );
    const edited = pick(publicRemarks);
    minutes.set(meeting.id, {
      id: makeId(),
      meetingId: meeting.id,
      style: 'summary',
      edits: {
        [`r:${edited.id}`]: `編集した段落。${safeSentence()}`,
        [`t:${edited.id}`]: `編集した発言。${safeSentence()}`,
        [`x:${agenda[1]!.id}`]: `追記。${safeSentence()}`,
        'h:other': `${nameForm(pick(members))}から資料の提供があった。`,
      },
      history: [],
      publishedAt: null,
      updatedAt: NOW,
    } as Minutes);
  }
  // One opinion per council with an appointment in it: the opinion documents must stop.
  const open = meetings.find((m) => m.disclosure === '公開')!;
  const bad: Opinion = {
    ...opinions[0]!,
    id: makeId(),
    meetingId: open.id,
    nonPublic: false,
    summary: unsafeSentence(),
    order: opinions.length,
  };
  opinions.push(bad);
  unsafeOpinions.add(bad.id);
  const matrixItems: MatrixItem[] = council.fields.flatMap((f, i) =>
    council.matrixColumns
      .filter((c) => c.opinionSource === null)
      .map((c) => ({
        id: makeId(),
        councilId: council.id,
        fieldId: f.id,
        columnId: c.id,
        text: safeSentence(),
        order: i,
      })),
  );
  return {
    rule,
    council,
    members,
    staff,
    meetings,
    remarks,
    minutes,
    opinions,
    matrixItems,
    unsafeMeetings,
    unsafeRemarks,
    unsafeOpinions,
  };
}

// ---------------------------------------------------------------- the search

const norm = (s: string) => kata(s.normalize('NFKC').replace(/\s+/g, ''));

/** Every written form of every hidden person, normalized (one-character forms with honorifics only). */
function hiddenForms(g: Gen): string[] {
  const out = new Set<string>();
  const honored = (x: string) => [...HONORIFICS, '会長', '副会長', '課長', '部長'].map((h) => norm(x + h));
  PEOPLE.forEach(([s, gv, rs, rg]) => {
    out.add(norm(s + gv));
    for (const x of [s, gv].filter(Boolean)) (x.length >= 2 ? [norm(x)] : honored(x)).forEach((v) => out.add(v));
    out.add(norm(rs + rg));
    for (const x of [rs, rg].filter(Boolean)) (x.length >= 3 ? [norm(x)] : honored(x)).forEach((v) => out.add(v));
  });
  for (const s of g.staff) (s.name.length >= 2 ? [norm(s.name)] : honored(s.name)).forEach((v) => out.add(v));
  return [...out];
}

/** A package's parts (.docx/.xlsx), or a page's text (.html), tags left out. */
function packageText(bytes: Uint8Array): string {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return strFromU8(bytes).replace(/<[^>]+>/g, ' ');
  const files = unzipSync(bytes);
  return Object.values(files)
    .map((f) => strFromU8(f).replace(/<[^>]+>/g, ' '))
    .join('\n');
}

interface Leak {
  doc: string;
  found: string;
}

/**
 * `allowed`: the named roster lines a style with 公開版の氏名 prints (namedHeaderLines); each is
 * taken out once (where the header prints it), so the same name anywhere else still counts.
 */
function search(doc: string, bytes: Uint8Array, forms: string[], allowed: string[] = []): Leak[] {
  let text = norm(packageText(bytes));
  for (const line of allowed.map(norm)) if (line) text = text.replace(line, '');
  const leaks: Leak[] = [];
  for (const f of forms) if (text.includes(f)) leaks.push({ doc, found: f });
  const secret = text.match(/ZQ\d+x\d+/);
  if (secret) leaks.push({ doc, found: secret[0] });
  return leaks;
}

const OPINION_DOCS: [OpinionDocumentKind, 'xlsx' | 'docx'][] = [
  ['list', 'xlsx'],
  ['list', 'docx'],
  ['responses', 'xlsx'],
  ['responses', 'docx'],
  ['matrix', 'xlsx'],
  ['matrix', 'docx'],
  ['handout', 'docx'],
];

/**
 * Exports every public document of a council as typed; where the export stops (typed
 * error), the places it names are edited away (the generated unsafe remarks/opinions
 * dropped) and it is exported again, as the user would.
 */
let starterBytes: Uint8Array | null = null;
const starter = async () => (starterBytes ??= await buildStarterTemplate('minutes-public'));

async function exportCouncil(g: Gen) {
  const forms = hiddenForms(g);
  const leaks: Leak[] = [];
  const blocked = { minutes: new Set<string>(), opinions: 0, messages: [] as string[] };
  let documents = 0;
  const styles: string[] = [];
  const exportOnce = async (
    doc: string,
    build: (edited: boolean) => Promise<Uint8Array>,
    onBlocked: () => void,
    allowed: () => string[] = () => [],
  ) => {
    let bytes: Uint8Array;
    const t0 = Date.now();
    try {
      bytes = await build(false);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      blocked.messages.push(`${e.message} ${(e.details ?? []).map((d) => `${d.path}: ${d.message}`).join(' / ')}`);
      onBlocked();
      bytes = await build(true);
    }
    documents++;
    const t1 = Date.now();
    leaks.push(...search(doc, bytes, forms, allowed()));
    if (process.env.CORPUS_TIMING) console.log(doc, t1 - t0, Date.now() - t1);
  };
  // Meetings go out BATCH to a document (one .docx costs ~80 ms to pack here): the batch is
  // one meeting record holding their agenda items, remarks and edits, through the real export.
  for (let i = 0; i < g.meetings.length; i += BATCH) {
    const batch = g.meetings.slice(i, i + BATCH);
    const ids = new Set(batch.map((m) => m.id));
    const meeting: Meeting = { ...batch[0]!, agenda: batch.flatMap((m) => m.agenda) };
    const remarks = g.remarks.filter((r) => ids.has(r.meetingId)).map((r) => ({ ...r, meetingId: meeting.id }));
    remarks.forEach((r, k) => (r.order = k));
    const edits = Object.assign({}, ...batch.map((m) => g.minutes.get(m.id)!.edits)) as Minutes['edits'];
    // Every built-in style, rotated over the batches (two per batch, so the run stays short).
    const b = i / BATCH;
    const presets = [0, 1].map((k) => MINUTES_STYLE_PRESETS[(2 * b + k) % MINUTES_STYLE_PRESETS.length]!);
    const inputOf = (k: number, edited: boolean): MinutesInput => ({
      council: { ...g.council, minutesStyle: presets[k]! },
      members: g.members,
      staff: g.staff,
      meeting,
      remarks: edited ? remarks.filter((r) => !g.unsafeRemarks.has(r.id)) : remarks,
      minutes: { ...g.minutes.get(batch[0]!.id)!, meetingId: meeting.id, edits },
      mode: 'public',
    });
    // The roster lines the style may print by name (none unless it says 公開版の氏名).
    const allowedOf = (k: number) => () => namedHeaderLines(buildMinutesModel(inputOf(k, true)));
    const blockMeetings = () =>
      batch.filter((m) => g.unsafeMeetings.has(m.id)).forEach((m) => blocked.minutes.add(m.id));
    styles.push(...presets.map((p) => p.name));
    const span = `第${batch[0]!.number}～${batch[batch.length - 1]!.number}回`;
    for (const k of [0, 1]) {
      await exportOnce(
        `${span} 会議録（${presets[k]!.name}）`,
        (edited) => buildMinutesExport(inputOf(k, edited)),
        blockMeetings,
        allowedOf(k),
      );
      await exportOnce(
        `${span} 会議録 HTML（${presets[k]!.name}）`,
        async (edited) => buildMinutesHtmlExport(inputOf(k, edited)).bytes,
        blockMeetings,
        allowedOf(k),
      );
    }
    // The council's own Word template (the starter 公開版), every other batch: redacted in main before the fill.
    if (b % 2 === 0)
      await exportOnce(
        `${span} 会議録テンプレート（${presets[0]!.name}）`,
        async (edited) => {
          const { mode: _mode, ...input } = inputOf(0, edited);
          void _mode;
          const { data, hidden, allowed } = templateData({ kind: 'minutes-public', input });
          return fillTemplate('minutes-public', await starter(), data, hidden, allowed);
        },
        blockMeetings,
        allowedOf(0),
      );
  }
  const data = (edited: boolean): OpinionDocumentData => ({
    council: g.council,
    members: g.members,
    staff: g.staff,
    meetings: g.meetings,
    opinions: edited ? g.opinions.filter((o) => !g.unsafeOpinions.has(o.id)) : g.opinions,
    matrixItems: g.matrixItems,
  });
  const last = g.meetings[g.meetings.length - 1]!;
  for (const [kind, format] of OPINION_DOCS)
    await exportOnce(
      `${kind}.${format}`,
      async (edited) =>
        (
          await buildOpinionDocument(kind, format, data(edited), true, {
            meetingId: last.id,
            grouping: 'field',
            themes: {},
          })
        ).bytes,
      () => blocked.opinions++,
    );
  for (const kind of OPINION_HTML_KINDS)
    await exportOnce(
      `${kind}.html`,
      async (edited) => buildOpinionsHtml(kind, data(edited), true).bytes,
      () => blocked.opinions++,
    );
  return { leaks, blocked, documents, styles };
}

// ---------------------------------------------------------------- the runs

const COUNCILS = Number(process.env.CORPUS_COUNCILS ?? 6);
const BATCH = 17;
const MEETINGS_PER_COUNCIL = 170;
const RULES: SpeakerLabelRule[] = ['letter', 'role', 'bracket'];

describe('generated corpus: every public document, every part', () => {
  it('1,000 random meetings: 0 hidden names, 0 non-public text; appointments stop the export', async () => {
    const rand = mulberry32(20261129);
    let meetings = 0;
    let documents = 0;
    const allLeaks: Leak[] = [];
    const styles: string[] = [];
    for (let c = 0; c < COUNCILS; c++) {
      const g = generateCouncil(rand, c, MEETINGS_PER_COUNCIL, RULES[c % RULES.length]!);
      meetings += g.meetings.length;
      const run = await exportCouncil(g);
      // Exactly the documents holding an appointment sentence were stopped, and every opinion document.
      expect(g.unsafeMeetings.size).toBeGreaterThan(0);
      expect([...run.blocked.minutes].sort()).toEqual([...g.unsafeMeetings].sort());
      expect(run.blocked.opinions).toBe(OPINION_DOCS.length + OPINION_HTML_KINDS.length);
      expect(run.blocked.messages[0]).toContain('出力を止めました');
      allLeaks.push(...run.leaks);
      documents += run.documents;
      styles.push(...run.styles);
    }
    expect(meetings).toBeGreaterThanOrEqual(COUNCILS * MEETINGS_PER_COUNCIL);
    const batches = MEETINGS_PER_COUNCIL / BATCH;
    // Per batch: two styles as Word file and HTML page; the template every other batch; then the opinion documents.
    expect(documents).toBe(
      COUNCILS * (batches * 4 + Math.ceil(batches / 2) + OPINION_DOCS.length + OPINION_HTML_KINDS.length),
    );
    // Every built-in style went through, and the named-roster ones printed names only in the roster.
    expect(new Set(styles)).toEqual(new Set(MINUTES_STYLE_PRESETS.map((p) => p.name)));
    expect(allLeaks.slice(0, 10)).toEqual([]);
  }, 400_000);

  it('control: with names shown (rule 名前) the same search finds the names, so it can fail', async () => {
    const rand = mulberry32(7);
    const g = generateCouncil(rand, 99, 10, 'name');
    const { leaks } = await exportCouncil(g);
    const found = new Set(leaks.map((l) => l.found));
    expect(found.size).toBeGreaterThan(5);
    expect(leaks.some((l) => l.doc.includes('会議録'))).toBe(true);
    expect(leaks.some((l) => l.doc.startsWith('list.'))).toBe(true);
    expect(leaks.some((l) => l.doc.startsWith('matrix.'))).toBe(true);
    expect(leaks.some((l) => l.doc.includes('会議録 HTML'))).toBe(true);
    expect(leaks.some((l) => l.doc === 'responses.html')).toBe(true);
    // And the 内部版 of a meeting (non-public parts kept) shows the non-public text to the same search.
    const meeting = g.meetings.find((m) => m.agenda.some((a) => a.closed))!;
    const internal = await buildMinutesExport({
      council: g.council,
      members: g.members,
      staff: g.staff,
      meeting,
      remarks: g.remarks.filter((r) => r.meetingId === meeting.id),
      minutes: g.minutes.get(meeting.id)!,
      mode: 'internal',
    });
    expect(
      search('内部版', internal, [])
        .map((l) => l.found)
        .join(),
    ).toMatch(/ZQ/);
  }, 60_000);

  it('control: a named roster (公開版の氏名) allows the names in its rows only; a name anywhere else is still found', async () => {
    const rand = mulberry32(11);
    const g = generateCouncil(rand, 98, 6, 'letter');
    const style = MINUTES_STYLE_PRESETS.find((p) => p.attendance.namesInPublic)!;
    const meeting = g.meetings.find((m) => !g.unsafeMeetings.has(m.id))!;
    const input = (mode: 'public' | 'internal'): MinutesInput => ({
      council: { ...g.council, minutesStyle: style },
      members: g.members,
      staff: g.staff,
      meeting,
      remarks: g.remarks.filter((r) => r.meetingId === meeting.id),
      minutes: g.minutes.get(meeting.id)!,
      mode,
    });
    const model = buildMinutesModel(input('public'));
    expect(model.namedHeaderRows).toEqual(['present', 'absent', 'staff', 'others']);
    const allowed = namedHeaderLines(model);
    const forms = hiddenForms(g);
    const pub = await buildMinutesExport(input('public'));
    // The roster does print names: without the allowance the search finds them …
    expect(search('公開版', pub, forms).length).toBeGreaterThan(0);
    // … with it, nothing is left; the same allowance on the 内部版 (names in the remarks) still finds names.
    expect(search('公開版', pub, forms, allowed)).toEqual([]);
    expect(search('内部版', await buildMinutesExport(input('internal')), forms, allowed).length).toBeGreaterThan(0);
    // A style without it lists no rows by name.
    const plain = MINUTES_STYLE_PRESETS.find((p) => !p.attendance.namesInPublic)!;
    expect(
      buildMinutesModel({ ...input('public'), council: { ...g.council, minutesStyle: plain } }).namedHeaderRows,
    ).toEqual([]);
  }, 60_000);
});
