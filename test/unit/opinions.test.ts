import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import type { CouncilBundle, Opinion, Remark } from '../../shared/domain';
import { Opinion as OpinionSchema } from '../../shared/domain';
import {
  adjacentField,
  countOpinions,
  filterOpinions,
  groupByField,
  handoutGroups,
  isActive,
  matrixRows,
  mergeOpinions,
  moveToField,
  promoteRemarks,
  setStatus,
  sourceText,
  unmergeOpinion,
  UNANSWERED,
  OpinionRuleError,
} from '../../shared/opinions';
import { prepareOpinions } from '../../shared/opinions/publication';
import { buildOpinionDocument, type OpinionDocumentKind } from '../../electron/services/opinions/documents';
import { readOpinionSheet } from '../../electron/services/opinions/import';
import { readOpinionSheetOffThread } from '../../electron/services/xlsx-off-thread';
import { opinionDocumentData } from '../../electron/services/opinions/samples';
import { AppError } from '../../shared/errors';

const NOW = '2023-07-10T00:00:00.000Z';
let seq = 0;
const makeId = () => `id-${++seq}`;
const sample = () => buildSampleCouncil({ makeId, now: NOW });
const fieldIdOf = (b: CouncilBundle, name: string) => b.council.fields.find((f) => f.name === name)!.id;
const bySummary = (b: CouncilBundle, start: string) => b.opinions.find((o) => o.summary.startsWith(start))!;

describe('grouping and counting', () => {
  it('groups the sample by field in council order, 分野未設定 last', () => {
    const b = sample();
    const groups = groupByField(b.opinions, b.council.fields);
    expect(groups.map((g) => g.name)).toEqual([
      '行政施策',
      'DX推進',
      '財務',
      '人材育成',
      '働き方改革',
      '経営',
      '分野未設定',
    ]);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(94);
    expect(groups.at(-1)!.items.map((o) => o.summary)).toEqual([
      '推進体制のところで市民参画というのは何を想定しているか。',
    ]);
    for (const g of groups)
      expect(g.items.map((o) => o.order)).toEqual([...g.items.map((o) => o.order)].sort((a, b) => a - b));
  });

  it('counts per field and status, members, submitters and reflected', () => {
    const b = sample();
    const c = countOpinions(b.opinions, b.council);
    expect(c.total).toBe(94);
    expect(c.byStatus[UNANSWERED]).toBe(90); // the sample answers 3 opinions in its 素案, and the question
    expect(c.byStatus['質問・その他']).toBe(1);
    expect(c.byStatus['既に記載']).toBe(2);
    expect(c.byField.find((f) => f.name === 'DX推進')!.total).toBe(9 + 5 + INTERVIEW_DX(b));
    expect(c.reflected).toBe(3);
    expect(c.members).toBe(0);

    const [m1, m2] = b.members.filter((m) => m.role === '委員');
    const ops = b.opinions.map((o, i) =>
      i === 0
        ? { ...o, memberId: m1!.id, status: '反映する' }
        : i === 1
          ? { ...o, memberId: m2!.id, status: '一部反映' }
          : i === 2
            ? { ...o, memberId: m1!.id, status: '反映しない' }
            : o,
    );
    ops.push({ ...ops[3]!, id: 'w1', source: 'written', sourceLabel: '市民Ａ', memberId: null });
    const c2 = countOpinions(ops, b.council);
    expect(c2.members).toBe(2);
    expect(c2.submitters).toBe(3);
    expect(c2.reflected).toBe(5);
    expect(c2.total).toBe(95);
  });

  it('filters by meeting, source, status and width-folded text', () => {
    const b = sample();
    const m1 = b.meetings.find((m) => m.number === 1)!;
    expect(filterOpinions(b.opinions, { meetingId: m1.id })).toHaveLength(30);
    expect(filterOpinions(b.opinions, { source: 'interview' })).toHaveLength(38);
    expect(filterOpinions(b.opinions, { status: '質問・その他' })).toHaveLength(1);
    expect(filterOpinions(b.opinions, { status: UNANSWERED })).toHaveLength(90);
    expect(filterOpinions(b.opinions, { status: '既に記載' })).toHaveLength(2);
    const dx = filterOpinions(b.opinions, { text: 'dx' });
    expect(dx.some((o) => o.summary.includes('ＤＸ'))).toBe(true); // ＤＸ found by "dx"
    expect(dx.some((o) => o.summary.includes('DX'))).toBe(true);
    const both = filterOpinions(b.opinions, { text: 'チャットボット 電話' });
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((o) => o.summary.includes('チャットボット') && o.summary.includes('電話'))).toBe(true);
    expect(both.length).toBeLessThan(filterOpinions(b.opinions, { text: 'チャットボット' }).length);
  });
});

function INTERVIEW_DX(b: CouncilBundle) {
  return b.opinions.filter((o) => o.source === 'interview' && o.fieldId === fieldIdOf(b, 'DX推進')).length;
}

describe('changes', () => {
  it('sets a status from the council list, 未対応 clears it, others are refused', () => {
    const b = sample();
    const o = b.opinions[0]!;
    expect(setStatus(o, '反映する', b.council, NOW).status).toBe('反映する');
    expect(setStatus({ ...o, status: '反映する' }, UNANSWERED, b.council, NOW).status).toBe('');
    expect(() => setStatus(o, '反映済み（独自）', b.council, NOW)).toThrow(OpinionRuleError);
  });

  it('moves an opinion to another field, at the end or before a given one', () => {
    const b = sample();
    const o = bySummary(b, '外部委託に関し');
    const [moved] = moveToField(b.opinions, o.id, fieldIdOf(b, '財務'), NOW);
    expect(moved!.fieldId).toBe(fieldIdOf(b, '財務'));
    const fin = b.opinions.filter((x) => x.fieldId === fieldIdOf(b, '財務'));
    expect(moved!.order).toBeGreaterThan(Math.max(...fin.map((x) => x.order)));
    const firstFin = fin.sort((x, y) => x.order - y.order)[0]!;
    const [before] = moveToField(b.opinions, o.id, fieldIdOf(b, '財務'), NOW, firstFin.id);
    expect(before!.order).toBeLessThan(firstFin.order);
    expect(moveToField(b.opinions, o.id, null, NOW)[0]!.fieldId).toBeNull();
    expect(adjacentField(b.council.fields, fieldIdOf(b, '行政施策'), 1)).toEqual({ fieldId: fieldIdOf(b, 'DX推進') });
    expect(adjacentField(b.council.fields, fieldIdOf(b, '行政施策'), -1)).toBeNull();
    expect(adjacentField(b.council.fields, fieldIdOf(b, '経営'), 1)).toEqual({ fieldId: null });
  });

  it('merges duplicates keeping both sources, and can take one back out', () => {
    const b = sample();
    const a = bySummary(b, '飯塚市に限らずチャットボット'); // 第1回
    const d = {
      ...bySummary(b, 'チャットボットに期待するのは難しい'),
      response: '電話の問合せ記録を分析します。',
      sectionIds: ['s1'],
    }; // 第2回
    const ops = b.opinions.map((o) => (o.id === d.id ? d : o));
    const changed = mergeOpinions(ops, a.id, [a.id, d.id], NOW);
    const after = ops.map((o) => changed.find((c) => c.id === o.id) ?? o);
    const survivor = after.find((o) => o.id === a.id)!;
    expect(survivor.response).toBe('電話の問合せ記録を分析します。');
    expect(survivor.sectionIds).toEqual(['s1']);
    const dup = after.find((o) => o.id === d.id)!;
    expect(dup.mergedIntoId).toBe(a.id);
    expect(OpinionSchema.parse(dup).mergedIntoId).toBe(a.id); // the schema keeps it
    expect(countOpinions(after, b.council).total).toBe(93);
    const data = { ...opinionDocumentData(b), opinions: after };
    expect(prepareOpinions(data, true).rows.find((r) => r.opinion.id === a.id)!.source).toBe(
      '第1回審議会、第2回審議会',
    );
    expect(() => mergeOpinions(ops, a.id, [a.id], NOW)).toThrow(OpinionRuleError);
    expect(isActive(unmergeOpinion(dup, NOW))).toBe(true);
    // Records written before the field existed still parse.
    const { mergedIntoId: _gone, ...old } = b.opinions[0]!;
    expect(OpinionSchema.safeParse(old).success).toBe(true);
  });

  it('promotes remarks once each, keeping the link, member, field and non-public flag', () => {
    const b = sample();
    const m2 = b.meetings.find((m) => m.number === 2)!;
    const decision = b.remarks.find((r) => r.kind === '決定')!;
    const member = b.members[2]!;
    const spoken: Remark = {
      ...decision,
      id: 'r-new',
      kind: '意見',
      speaker: { type: 'member', memberId: member.id },
      fieldId: fieldIdOf(b, '財務'),
      text: '基金の運用を見直すべき。',
      nonPublic: true,
    };
    const already = b.remarks.find((r) => r.kind === '意見' && r.meetingId === m2.id)!;
    const created = promoteRemarks([decision, spoken, already], b.meetings, b.opinions, makeId, NOW);
    expect(created).toHaveLength(2);
    const o = created.find((x) => x.remarkId === 'r-new')!;
    expect(o).toMatchObject({
      source: 'meeting',
      meetingId: m2.id,
      memberId: member.id,
      fieldId: fieldIdOf(b, '財務'),
      nonPublic: true,
      councilId: b.council.id,
    });
    expect(o.order).toBeGreaterThan(Math.max(...b.opinions.map((x) => x.order)));
    expect(promoteRemarks([decision], b.meetings, [...b.opinions, ...created], makeId, NOW)).toHaveLength(0);
  });
});

describe('handout and matrix', () => {
  it("lists earlier meetings' open opinions by field or by theme", () => {
    const b = sample();
    const m3 = b.meetings.find((m) => m.number === 3)!;
    const answered = bySummary(b, 'やめることを決めないと');
    const ops = b.opinions.map((o) => (o.id === answered.id ? { ...o, status: '反映する' } : o));
    const byField = handoutGroups(ops, b.meetings, m3, b.council, 'field');
    const all = byField.flatMap((g) => g.opinions);
    expect(all).toHaveLength(51); // 30 + 25 meeting opinions, minus the one answered here and 3 the sample answers; the question is answered too
    expect(all.some((o) => o.id === answered.id)).toBe(false);
    expect(all.every((o) => o.source === 'meeting')).toBe(true);
    const theme = m3.agenda[0]!;
    const pick = all[5]!;
    const byTheme = handoutGroups(ops, b.meetings, m3, b.council, 'theme', { [pick.id]: theme.id });
    expect(byTheme[0]).toMatchObject({ title: 'ビジョン素案について' });
    expect(byTheme[0]!.opinions.map((o) => o.id)).toEqual([pick.id]);
    expect(byTheme.at(-1)!.title).toBe('その他');
    const m2 = b.meetings.find((m) => m.number === 2)!;
    expect(handoutGroups(ops, b.meetings, m2, b.council, 'field').flatMap((g) => g.opinions)).toHaveLength(30);
  });

  it('fills opinion columns by source and the others from items', () => {
    const b = sample();
    const rows = matrixRows(b.council, b.opinions, b.matrixItems);
    expect(rows).toHaveLength(6);
    const counts = b.council.matrixColumns.map((_, i) => rows.reduce((n, r) => n + r.cells[i]!.length, 0));
    expect(counts[0]).toBe(55); // meeting opinions with a field (the question has none)
    expect(counts[1]).toBe(38);
    expect(counts[2]! + counts[3]!).toBe(56);
  });
});

// ---------------------------------------------------------------- import

async function workbook(rows: unknown[][], sheet = '意見シート'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

function importArgs(b: CouncilBundle, data: string) {
  return {
    fileName: '意見シート.xlsx',
    data,
    fields: b.council.fields,
    members: b.members.map((m) => ({ id: m.id, name: m.name, role: m.role })),
    meetings: b.meetings.map((m) => ({ id: m.id, number: m.number })),
    statuses: b.council.responseStatuses,
  };
}

describe('importing an 意見シート', () => {
  it('reads good rows, finds the header below a title, keeps long Japanese text intact', async () => {
    const b = sample();
    const long = 'デジタル技術を活用していける人材を育てていくという視点が重要。'.repeat(40);
    const data = await workbook([
      ['令和5年度 意見シート'],
      [],
      ['分野', '委員', '会議', '出典', 'ご意見', '市の考え方', '反映状況', '提出者'],
      ['ＤＸ推進', '河委員', '第２回', '審議会', long, '研修を拡充します。', '一部反映', ''],
      ['財務', '', '', '書面', '公共施設の統廃合を進めるべき。', '', '', '市民Ａ'],
      [],
      ['', '大久保', '', 'パブリックコメント', '市民参画の機会を増やしてほしい。', '', '未対応', ''],
    ]);
    const p = await readOpinionSheet(importArgs(b, data));
    // The app parses it in a worker thread: the same preview comes back.
    expect(await readOpinionSheetOffThread(importArgs(b, data))).toEqual(p);
    expect(p.sheetName).toBe('意見シート');
    expect(p.rows.map((r) => r.errors)).toEqual([[], [], []]);
    expect(p.rows.map((r) => r.row)).toEqual([4, 5, 7]);
    const [a, w, c] = p.rows;
    expect(a).toMatchObject({
      summary: long,
      fieldId: fieldIdOf(b, 'DX推進'),
      memberId: b.members.find((m) => m.name === '河')!.id,
      source: 'meeting',
      meetingId: b.meetings.find((m) => m.number === 2)!.id,
      status: '一部反映',
    });
    expect(w).toMatchObject({ source: 'written', sourceLabel: '市民Ａ', fieldId: fieldIdOf(b, '財務') });
    expect(c).toMatchObject({
      source: 'public-comment',
      memberId: b.members.find((m) => m.name === '大久保')!.id,
      status: '',
      fieldId: null,
    });
  });

  it('reports every problem of a row in Japanese', async () => {
    const b = sample();
    const data = await workbook([
      ['分野', '委員', '会議', '出典', '意見', '反映状況'],
      ['観光', '山田', '第9回', 'メール', '', '済み'],
      ['財務', '', '', '審議会', '会議の書かれていない審議会意見', ''],
    ]);
    const p = await readOpinionSheet(importArgs(b, data));
    expect(p.rows[0]!.errors).toEqual([
      '意見が空欄です。',
      '分野「観光」はこの審議会にありません（行政施策・DX推進・財務・人材育成・働き方改革・経営）。',
      '委員「山田」が委員名簿にありません。',
      '会議「第9回」が見つかりません（第N回 の形で書いてください）。',
      '出典「メール」が分かりません（審議会／各課インタビュー／書面意見／パブリックコメント）。',
      '反映状況「済み」はこの審議会の選択肢にありません（反映する／一部反映／既に記載／今後の参考／反映しない／質問・その他）。',
    ]);
    expect(p.rows[1]!.errors).toEqual(['出典が審議会の意見には、会議（第N回）を書いてください。']);
  });

  it('reads back the 分野別意見一覧 it exported (出典 第N回審議会 / 各課インタビュー, 委員 河委員)', async () => {
    const b = sample();
    const kawa = b.members.find((m) => m.name === '河')!;
    b.opinions = b.opinions.map((o, i) =>
      i === 0 ? { ...o, memberId: kawa.id, response: '検討します。', status: '今後の参考' } : o,
    );
    const { bytes } = await buildOpinionDocument('list', 'xlsx', opinionDocumentData(b), false);
    const p = await readOpinionSheet(importArgs(b, Buffer.from(bytes).toString('base64')));
    expect(p.rows).toHaveLength(94);
    expect(p.rows.filter((r) => r.errors.length)).toEqual([]);
    const active = groupByField(b.opinions, b.council.fields).flatMap((g) => g.items);
    p.rows.forEach((r, i) => {
      const o = active[i]!;
      expect({
        summary: r.summary,
        fieldId: r.fieldId,
        source: r.source,
        meetingId: r.meetingId,
        memberId: r.memberId,
        response: r.response,
        status: r.status,
      }).toEqual({
        summary: o.summary,
        fieldId: o.fieldId,
        source: o.source,
        meetingId: o.meetingId,
        memberId: o.memberId,
        response: o.response,
        status: o.status,
      });
    });
  });

  it('hands out an empty 意見シート the import reads, with drop-down lists', async () => {
    const b = sample();
    const { bytes, fileName } = await buildOpinionDocument('template', 'xlsx', opinionDocumentData(b), true);
    expect(fileName).toBe('意見シート.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('意見シート')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '分野',
      '委員',
      '会議',
      '出典',
      '提出者',
      '意見',
      '市の考え方',
      '反映状況',
    ]);
    expect(ws.getCell('A2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"行政施策,DX推進,財務,人材育成,働き方改革,経営"'],
    });
    expect(ws.getCell('D2').dataValidation.formulae).toEqual(['"審議会,各課インタビュー,書面意見,パブリックコメント"']);
    ws.getCell('A2').value = '財務';
    ws.getCell('F2').value = '公共施設の統廃合を進めるべき。';
    const filled = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const p = await readOpinionSheet(importArgs(b, filled));
    expect(p.rows).toEqual([
      expect.objectContaining({
        row: 2,
        summary: '公共施設の統廃合を進めるべき。',
        fieldId: fieldIdOf(b, '財務'),
        source: 'written',
        errors: [],
      }),
    ]);
  });

  it('refuses what is not a workbook, or has no opinion column, with INVALID_FILE', async () => {
    const b = sample();
    const notBook = readOpinionSheet(importArgs(b, Buffer.from('分野,意見\n財務,テスト').toString('base64')));
    await expect(notBook).rejects.toBeInstanceOf(AppError);
    await expect(notBook).rejects.toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('Excel ブック（.xlsx）として読み込めませんでした'),
    });
    const noColumn = readOpinionSheet(
      importArgs(
        b,
        await workbook([
          ['氏名', '住所'],
          ['河', '飯塚市'],
        ]),
      ),
    );
    await expect(noColumn).rejects.toMatchObject({
      code: 'INVALID_FILE',
      message: expect.stringContaining('意見の表が見つかりません'),
    });
  });
});

// ---------------------------------------------------------------- exports and publication

const KINDS: [OpinionDocumentKind, 'xlsx' | 'docx'][] = [
  ['list', 'xlsx'],
  ['list', 'docx'],
  ['responses', 'xlsx'],
  ['responses', 'docx'],
  ['matrix', 'xlsx'],
  ['matrix', 'docx'],
  ['handout', 'docx'],
];

async function allText(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((f) => !f.dir)
      .map((f) => f.async('string')),
  );
  return parts.join('\n');
}

/** The sample with named members giving opinions, one non-public opinion and one from a 非公開 meeting. */
function withSecrets() {
  const b = sample();
  b.members = b.members.map((m) =>
    m.name === '河' ? { ...m, name: '河野' } : m.name === '菅原' ? { ...m, name: '菅原' } : m,
  );
  const kawano = b.members.find((m) => m.name === '河野')!;
  const sugawara = b.members.find((m) => m.name === '菅原')!;
  const m1 = b.meetings.find((m) => m.number === 1)!;
  const m2 = b.meetings.find((m) => m.number === 2)!;
  const secret = '【秘】特定職員の処分に関する意見';
  const closed = '非公開会議でだけ出た人事案件の意見';
  b.meetings = b.meetings.map((m) => (m.id === m1.id ? { ...m, disclosure: '非公開' as const } : m));
  const base = b.opinions.find((o) => o.meetingId === m2.id && o.fieldId)!;
  const extra: Opinion[] = [
    { ...base, id: 'secret', order: 1000, summary: secret, nonPublic: true, memberId: kawano.id },
    { ...base, id: 'closed', order: 1001, meetingId: m1.id, summary: closed },
    {
      ...base,
      id: 'named',
      order: 1002,
      summary: '河野委員の意見に賛成で、菅原委員の提案も取り入れるべき。',
      memberId: sugawara.id,
      response: '河野委員のご指摘を踏まえます。',
    },
    {
      ...base,
      id: 'citizen',
      order: 1003,
      source: 'written',
      meetingId: null,
      sourceLabel: '飯塚太郎',
      summary: '書面で出た意見。',
    },
  ];
  b.opinions = [...b.opinions.map((o, i) => (i === 3 ? { ...o, memberId: kawano.id } : o)), ...extra];
  return { b, secret, closed, hidden: ['河野', '菅原', '飯塚太郎'] };
}

describe('exports', () => {
  it('builds every document; a 公開版 leaks no non-public text and no hidden name (every part scanned)', async () => {
    for (const rule of ['letter', 'role', 'bracket'] as const) {
      const { b, secret, closed, hidden } = withSecrets();
      b.council.publication.speakerLabel = rule;
      const data = opinionDocumentData(b);
      const m3 = b.meetings.find((m) => m.number === 3)!;
      for (const [kind, format] of KINDS) {
        const { bytes, fileName } = await buildOpinionDocument(kind, format, data, true, {
          meetingId: m3.id,
          grouping: 'field',
          themes: {},
        });
        expect(fileName).not.toContain('内部用');
        const text = await allText(bytes);
        expect(text, `${fileName} (${rule})`).not.toContain(secret);
        expect(text, `${fileName} (${rule})`).not.toContain(closed);
        for (const name of hidden) expect(text, `${fileName} (${rule}) shows ${name}`).not.toContain(name);
        if (kind !== 'matrix')
          expect(text, `${fileName} (${rule})`).toContain(
            // In running text (the handout has no 委員 column) a member reads as 委員, never 【委員】.
            rule === 'letter' ? 'A委員' : rule === 'role' || kind === 'handout' ? '委員' : '【委員】',
          );
      }
    }
  }, 60_000);

  it('an internal copy keeps everything, names included, and says so', async () => {
    const { b, secret, closed } = withSecrets();
    b.council.publication.speakerLabel = 'letter';
    const data = opinionDocumentData(b);
    const { bytes, fileName } = await buildOpinionDocument('list', 'docx', data, false);
    expect(fileName).toBe('分野別意見一覧_内部用.docx');
    const text = await allText(bytes);
    for (const s of [secret, closed, '河野委員', '飯塚太郎', '内部用']) expect(text).toContain(s);
  });

  it('writes Excel tables from row 1 with 和暦 text and a real date, the summary on its own sheet', async () => {
    const b = sample();
    const data = opinionDocumentData(b);
    const load = async (kind: OpinionDocumentKind) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        Buffer.from((await buildOpinionDocument(kind, 'xlsx', data, true)).bytes) as unknown as ArrayBuffer,
      );
      return wb;
    };
    const resp = await load('responses');
    expect(resp.worksheets.map((w) => w.name)).toEqual(['意見対応表', '集計']);
    const ws = resp.getWorksheet('意見対応表')!;
    expect(ws.getCell('A1').value).toBe('番号');
    expect(ws.rowCount).toBe(95);
    const q = ws.getRows(2, 94)!.find((r) => String(r.getCell(3).value).startsWith('推進体制のところで'))!;
    expect(q.getCell(6).value).toBe('令和5年7月7日');
    expect((q.getCell(7).value as Date).toISOString()).toBe('2023-07-07T00:00:00.000Z');
    expect(q.getCell(8).value).toBe(
      '素案について市民意見の募集をする予定であり、市民参画の機会を設けたいということである。',
    );
    expect(q.getCell(9).value).toBe('質問・その他');
    expect(ws.headerFooter.oddHeader).toContain('意見総数 94件');
    expect(ws.model.merges ?? []).toEqual([]);
    const sum = resp.getWorksheet('集計')!;
    expect(sum.getRow(2).values).toEqual([undefined, '意見総数', 94, '件']);
    const matrix = (await load('matrix')).worksheets[0]!;
    expect(matrix.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(matrix.getRow(1).values).toEqual([undefined, '分野', '区分', '番号', '内容', '出典']);
  });

  it('names the source of each kind of opinion', () => {
    const b = sample();
    const lookup = { meetings: b.meetings, members: b.members };
    expect(sourceText(b.opinions[0]!, lookup)).toBe('第1回審議会');
    expect(sourceText(b.opinions[0]!, { ...lookup, digitWidth: 'full-single' })).toBe('第１回審議会');
    expect(sourceText({ source: 'interview', meetingId: null, sourceLabel: '税務課' }, lookup)).toBe(
      '各課インタビュー（税務課）',
    );
    expect(sourceText({ source: 'written', meetingId: null, sourceLabel: '飯塚太郎' }, lookup, false)).toBe('書面意見');
  });
});
