import { beforeEach, describe, expect, it } from 'vitest';
import { ShingikaiDB } from '../../renderer/src/data/database';
import { importBundle } from '../../renderer/src/data/bundle';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { opinionRecords } from '../../renderer/src/features/opinions/data/records';
import { planOpinionImport } from '../../renderer/src/features/opinions/importMatch';
import type { ImportedOpinionRow } from '../../shared/contract/opinions';
import ExcelJS from 'exceljs';
import { buildOpinionDocument } from '../../electron/services/opinions/documents';
import { readOpinionSheet } from '../../electron/services/opinions/import';
import JSZip from 'jszip';
import { documentFormat, resolveMinutesStyle } from '../../shared/minutes/style';
import { applyTextRules } from '../../shared/style/format';

const db = new ShingikaiDB('opinion-reimport-test');
const { councilOpinions, importOpinionChanges } = opinionRecords(db);
let councilId = '';

beforeEach(async () => {
  await db.delete();
  await db.open();
  councilId = await importBundle(db, buildSampleCouncil());
});

const row = (n: number, summary: string, extra: Partial<ImportedOpinionRow> = {}): ImportedOpinionRow => ({
  row: n,
  summary,
  fieldId: null,
  fieldName: '',
  memberId: null,
  memberName: '',
  meetingId: null,
  source: 'written',
  sourceLabel: '',
  response: '',
  status: '',
  errors: [],
  ...extra,
});

describe('re-importing a corrected 意見シート', () => {
  it('updates the opinion with the same text (spacing and width folded) instead of adding it again', async () => {
    const before = await councilOpinions(councilId);
    const target = before.find((o) => o.summary.startsWith('外部委託に関し、進捗をチェック'))!;
    const status = (await db.councils.get(councilId))!.responseStatuses[0]!;
    const rows = [
      row(2, ` ${target.summary}　`, { response: '四半期ごとに報告します。', status }),
      row(3, '新しい書面意見です。'),
      row(4, target.summary), // the same opinion twice in the sheet: the second is new
      row(5, '', { errors: ['意見が空欄です。'] }),
    ];
    const plan = planOpinionImport(before, rows);
    expect(plan.map((p) => p.kind)).toEqual(['update', 'add', 'add', 'error']);
    expect(plan[0]).toMatchObject({ kind: 'update', changes: ['市の考え方', '反映状況'] });

    const adds = plan.flatMap((p) => (p.kind === 'add' ? [p.row] : []));
    const updates = plan.flatMap((p) => (p.kind === 'update' ? [{ id: p.target.id, patch: p.patch }] : []));
    expect(await importOpinionChanges(councilId, adds, updates)).toEqual({ added: 2, updated: 1 });
    const after = await councilOpinions(councilId);
    expect(after).toHaveLength(before.length + 2);
    const updated = after.find((o) => o.id === target.id)!;
    expect(updated).toMatchObject({ response: '四半期ごとに報告します。', status, fieldId: target.fieldId });
    expect(updated.summary).toBe(target.summary);
  });

  it('a blank cell never erases what is stored; an unchanged row is left alone', async () => {
    const before = await councilOpinions(councilId);
    const answered = { ...before[0]!, response: '対応済みです。' };
    const plan = planOpinionImport([answered, ...before.slice(1)], [row(2, answered.summary)]);
    expect(plan).toEqual([expect.objectContaining({ kind: 'same' })]);
  });
});

// ---------------------------------------------------------------- matching by 意見ID

const { loadDocumentData } = opinionRecords(db);

/** The council's internal 分野別意見一覧 (or 意見対応表) as the app exports it. */
async function exportSheet(id: string, kind: 'list' | 'responses' = 'list') {
  const { bytes } = await buildOpinionDocument(kind, 'xlsx', await loadDocumentData(id), false);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const headers = (ws.getRow(1).values as unknown[]).map(String);
  const col = (h: string) => headers.indexOf(h);
  /** The sheet row of an opinion, found by its 意見ID cell. */
  const rowOf = (opinionId: string) => {
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col('意見ID')).value === opinionId) return r;
    throw new Error(`no row for ${opinionId}`);
  };
  return { wb, ws, headers, col, rowOf };
}

/** What the import channel reads from the workbook, then the plan the preview shows. */
async function planFor(id: string, wb: ExcelJS.Workbook) {
  const data = await loadDocumentData(id);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const preview = await readOpinionSheet({
    fileName: '分野別意見一覧_内部用.xlsx',
    data: bytes.toString('base64'),
    fields: data.council.fields,
    members: data.members.map((m) => ({ id: m.id, name: m.name, role: m.role })),
    meetings: data.meetings.map((m) => ({ id: m.id, number: m.number })),
    statuses: data.council.responseStatuses,
  });
  const rules = documentFormat(data.council).text;
  const plan = planOpinionImport(await councilOpinions(id), preview.rows, {
    styled: (t) => applyTextRules(t, rules),
  });
  return { preview, plan };
}

const apply = (id: string, plan: ReturnType<typeof planOpinionImport>) =>
  importOpinionChanges(
    id,
    plan.flatMap((p) => (p.kind === 'add' ? [p.row] : [])),
    plan.flatMap((p) => (p.kind === 'update' ? [{ id: p.target.id, patch: p.patch }] : [])),
  );

describe('re-importing an exported internal list matches rows by 意見ID', () => {
  it('the internal lists end with 意見ID; the 公開版 has no such column', async () => {
    const data = await loadDocumentData(councilId);
    for (const kind of ['list', 'responses'] as const) {
      const internal = await exportSheet(councilId, kind);
      expect(internal.headers.at(-1)).toBe('意見ID');
      const ids = new Set((await councilOpinions(councilId)).map((o) => o.id));
      const cells = internal.ws.getColumn(internal.col('意見ID')).values.slice(2);
      expect(cells.length).toBeGreaterThan(50);
      expect(cells.every((v) => ids.has(String(v)))).toBe(true);
      const { bytes } = await buildOpinionDocument(kind, 'xlsx', data, true);
      const pub = new ExcelJS.Workbook();
      await pub.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      const ws = pub.worksheets[0]!;
      expect((ws.getRow(1).values as unknown[]).map(String)).not.toContain('意見ID');
      // No id anywhere in the public copy.
      const zip = await JSZip.loadAsync(bytes);
      const xml = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('');
      expect(xml).toContain('市の考え方');
      expect([...ids].filter((x) => xml.includes(x))).toEqual([]);
    }
  });

  it('an unchanged export reads back as 変更なし on every row (nothing rewritten), in the council punctuation too', async () => {
    // The documents print 、 as ， and digits full-width: the cells still say what is stored.
    const council = (await db.councils.get(councilId))!;
    const style = structuredClone(resolveMinutesStyle(council));
    style.text = { punctuation: 'comma', alnumWidth: 'full' };
    await db.councils.put({ ...council, minutesStyle: style });
    const stored = await councilOpinions(councilId);
    const answered = stored.find((o) => o.response.includes('、'));
    expect(answered).toBeDefined();
    for (const kind of ['list', 'responses'] as const) {
      const { wb } = await exportSheet(councilId, kind);
      const { plan } = await planFor(councilId, wb);
      expect(plan.length).toBeGreaterThan(50);
      expect(plan.filter((p) => p.kind !== 'same' || p.by !== 'id')).toEqual([]);
    }
  });

  it('a row whose 意見 was corrected updates that opinion (text and answer), not a new one', async () => {
    const before = await councilOpinions(councilId);
    const target = before.find((o) => o.summary.startsWith('外部委託に関し、進捗をチェック'))!;
    const { wb, ws, col, rowOf } = await exportSheet(councilId);
    const r = rowOf(target.id);
    const corrected = '外部委託の進捗を、四半期ごとに確認する仕組みが必要である。';
    ws.getRow(r).getCell(col('意見')).value = corrected;
    ws.getRow(r).getCell(col('市の考え方')).value = '四半期ごとに報告します。';
    const { preview, plan } = await planFor(councilId, wb);
    expect(preview.rows.find((x) => x.row === r)).toMatchObject({ opinionId: target.id, summary: corrected });
    const step = plan.find((p) => p.row.row === r)!;
    expect(step).toMatchObject({
      kind: 'update',
      by: 'id',
      target: { id: target.id },
      changes: ['意見', '市の考え方'],
      patch: { summary: corrected, response: '四半期ごとに報告します。' },
    });
    expect(plan.filter((p) => p.kind !== 'same')).toHaveLength(1);

    expect(await apply(councilId, plan)).toEqual({ added: 0, updated: 1 });
    const after = await councilOpinions(councilId);
    expect(after).toHaveLength(before.length);
    expect(after.find((o) => o.id === target.id)).toMatchObject({
      summary: corrected,
      response: '四半期ごとに報告します。',
      fieldId: target.fieldId,
      meetingId: target.meetingId,
    });
    expect(after.filter((o) => o.summary === target.summary)).toEqual([]);
  });

  it('a sheet without the 意見ID column imports as before: matched by text, a corrected text is new', async () => {
    const before = await councilOpinions(councilId);
    const target = before.find((o) => o.summary.startsWith('外部委託に関し、進捗をチェック'))!;
    const other = before.find((o) => o.id !== target.id && o.summary.length > 10 && !o.mergedIntoId)!;
    const { wb, ws, col, rowOf } = await exportSheet(councilId);
    const r = rowOf(target.id);
    const r2 = rowOf(other.id);
    ws.getRow(r).getCell(col('意見')).value = '外部委託の進捗を、四半期ごとに確認する仕組みが必要である。';
    ws.getRow(r2).getCell(col('市の考え方')).value = '所管課で検討します。';
    ws.spliceColumns(col('意見ID'), 1);
    const { preview, plan } = await planFor(councilId, wb);
    expect(preview.rows.every((x) => x.opinionId === undefined)).toBe(true);
    expect(plan.find((p) => p.row.row === r)).toMatchObject({ kind: 'add' });
    expect(plan.find((p) => p.row.row === r)).not.toHaveProperty('idProblem');
    expect(plan.find((p) => p.row.row === r2)).toMatchObject({
      kind: 'update',
      by: 'text',
      target: { id: other.id },
      changes: ['市の考え方'],
    });
    expect(plan.filter((p) => p.kind === 'same' && p.by === 'text')).toHaveLength(plan.length - 2);
  });

  it('an id of another council is never applied: its rows are matched in this council by text, else added', async () => {
    const otherId = await importBundle(db, buildSampleCouncil());
    const theirs = await councilOpinions(otherId);
    const mine = await councilOpinions(councilId);
    const target = theirs.find((o) => o.summary.startsWith('外部委託に関し、進捗をチェック'))!;
    // The other council's internal list, one text corrected, read into this council.
    const { wb, ws, col, rowOf } = await exportSheet(otherId);
    const r = rowOf(target.id);
    ws.getRow(r).getCell(col('意見')).value = '別の審議会で直した文です。';
    const { preview, plan } = await planFor(councilId, wb);
    expect(preview.rows.find((x) => x.row === r)?.opinionId).toBe(target.id);
    expect(plan.find((p) => p.row.row === r)).toMatchObject({ kind: 'add', idProblem: 'unknown' });
    const mineIds = new Set(mine.map((o) => o.id));
    for (const p of plan) {
      if (p.kind === 'update' || p.kind === 'same') {
        expect(p).toMatchObject({ by: 'text', idProblem: 'unknown' });
        expect(mineIds.has(p.target.id)).toBe(true);
      }
    }
    expect(await apply(councilId, plan)).toEqual({ added: 1, updated: 0 });
    expect((await councilOpinions(otherId)).find((o) => o.id === target.id)).toEqual(target);
    expect(await councilOpinions(otherId)).toEqual(theirs);
    expect(await councilOpinions(councilId)).toHaveLength(mine.length + 1);
  });

  it('the same 意見ID twice: the first row updates it, the copy is matched by text or added', async () => {
    const before = await councilOpinions(councilId);
    const target = before.find((o) => o.summary.startsWith('外部委託に関し、進捗をチェック'))!;
    const plan = planOpinionImport(before, [
      row(2, '直した文。', { opinionId: target.id }),
      row(3, '写した行の文。', { opinionId: target.id }),
      row(4, target.summary, { opinionId: 'no-such-id' }),
    ]);
    expect(plan[0]).toMatchObject({ kind: 'update', by: 'id', target: { id: target.id }, changes: ['意見'] });
    expect(plan[1]).toMatchObject({ kind: 'add', idProblem: 'repeated' });
    // The old text's row names no known id; the opinion is already the first row's, so it is new.
    expect(plan[2]).toMatchObject({ kind: 'add', idProblem: 'unknown' });
  });

  it('a row matched by 意見ID is not taken by an earlier row with the same text', async () => {
    const before = await councilOpinions(councilId);
    const target = before.find((o) => o.summary.startsWith('外部委託に関し、進捗をチェック'))!;
    const plan = planOpinionImport(before, [row(2, target.summary), row(3, '直した文。', { opinionId: target.id })]);
    expect(plan[0]).toMatchObject({ kind: 'add' });
    expect(plan[1]).toMatchObject({ kind: 'update', by: 'id', target: { id: target.id } });
  });
});
