/** The action sheet and the 進捗管理表: what a user reads in the exported files. */
import { mkdtempSync, mkdirSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildSampleActionPlan, SAMPLE_PROGRESS_AS_OF, SAMPLE_PROGRESS_YEAR } from '../../resources/sample/actions';
import { buildActionSheetXlsx } from '../../electron/services/actions/sheet-xlsx';
import { buildProgressXlsx } from '../../electron/services/actions/progress-xlsx';
import { buildProgressDocx } from '../../electron/services/actions/progress-docx';
import { actionSamples } from '../../electron/services/actions/samples';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import { DEFAULT_EVALUATION_SCALE } from '../../shared/actions';
import type { ProgressReportArg } from '../../shared/contract/actions';
import { removeSection } from '../../shared/drafts';
import { MINATO_ACTIONS, MINATO_SHEET_ROWS } from './fixtures/minato-action-sheet';
import { testServiceContext } from './service-context';

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const bundle = buildSampleCouncil({ makeId: counter(), now: '2023-07-07T06:30:00.000Z' });
const sample = buildSampleActionPlan(bundle, { makeId: () => crypto.randomUUID(), now: '2025-05-30T00:00:00.000Z' });
const draft = bundle.drafts[0]!;

const progressArg: ProgressReportArg = {
  councilName: bundle.council.name,
  title: sample.plan.title,
  municipality: '飯塚市',
  numbering: draft.numbering,
  fiscalYear: SAMPLE_PROGRESS_YEAR,
  asOf: SAMPLE_PROGRESS_AS_OF,
  sections: draft.sections,
  actions: sample.actions,
  progress: sample.progress,
  scale: DEFAULT_EVALUATION_SCALE,
  opinions: [{ summary: '成果は検証する必要がある。', speaker: '大久保副会長', actionIds: [sample.actions[2]!.id] }],
  fonts: { body: 'BIZ UD明朝', heading: 'BIZ UDゴシック' },
};

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}
const rowValues = (ws: ExcelJS.Worksheet, r: number, n: number) =>
  Array.from({ length: n }, (_, i) => ws.getRow(r).getCell(i + 1).value);

async function documentText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join(''))
    .join('\n');
}

describe('action sheet (.xlsx, seed 003 layout)', () => {
  it('lists the 港区 sheet rows under 個別 / いつから / 誰と / 何を / どこまで・どのように, one action per row', async () => {
    const bytes = await buildActionSheetXlsx({
      title: 'ありたい姿に向けたアクションプラン',
      municipality: '港区',
      numbering: 'roman',
      sections: [],
      actions: [...MINATO_ACTIONS].reverse(), // stored order, not array order, decides
    });
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).toContain('orientation="landscape"');
    expect(sheetXml).toContain('paperSize="9"');
    expect(sheetXml).toContain('取り組むアクションの詳細（一歩踏み出すシート）');
    expect(sheetXml).toContain('自治体名：港区');
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/_xlnm.Print_Titles[^<]*>[^<]*\$1:\$1/);

    const ws = (await load(bytes)).getWorksheet('一歩踏み出すシート')!;
    expect(ws.actualColumnCount).toBe(5);
    expect(rowValues(ws, 1, 5)).toEqual(['個別', 'いつから', '誰と', '何を', 'どこまで・どのように']);
    expect(ws.actualRowCount).toBe(1 + MINATO_SHEET_ROWS.length);
    MINATO_SHEET_ROWS.forEach((expected, i) => expect(rowValues(ws, i + 2, 5)).toEqual(expected));
    for (let r = 1; r <= 5; r++) {
      for (let c = 1; c <= 5; c++) {
        const cell = ws.getRow(r).getCell(c);
        expect(cell.border?.left?.style, `${cell.address} border`).toBe('thin');
        expect(cell.border?.bottom?.style).toBe('thin');
        expect(cell.alignment?.wrapText, `${cell.address} wrap`).toBe(true);
      }
    }
    // Five bullet lines in 何を: the row is tall enough to show them.
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(5 * 15);
  });

  it('adds the vision section and the indicators after the seed columns when the plan has them', async () => {
    const bytes = await buildActionSheetXlsx({
      title: sample.plan.title,
      municipality: '飯塚市',
      numbering: draft.numbering,
      sections: draft.sections,
      actions: sample.actions,
    });
    const ws = (await load(bytes)).getWorksheet('一歩踏み出すシート')!;
    expect(rowValues(ws, 1, 7)).toEqual([
      '個別',
      'いつから',
      '誰と',
      '何を',
      'どこまで・どのように',
      'ビジョンの項目',
      '指標（目標）',
    ]);
    expect(rowValues(ws, 2, 7)).toEqual([
      '人事課',
      '令和6年度～',
      '・業務改善・ＤＸ推進課\n・各課',
      '勤務場所以外でリモートワークできる環境の整備',
      '令和8年度までに、全ての課でリモートワークを利用できるようにする。',
      '（１）人　①働き方改革の推進',
      'リモートワークを実施した職員数：35 人 → 300 人（令和8年度）',
    ]);
    expect(ws.getRow(3).getCell(2).value).toBe('令和6年10月～');
  });
});

describe('進捗管理表', () => {
  it('.xlsx: section → action → indicator → actual → evaluation → comment, numbers as numbers', async () => {
    const wb = await load(await buildProgressXlsx(progressArg));
    const ws = wb.getWorksheet('令和6年度進捗管理表')!;
    expect(rowValues(ws, 1, 13)).toEqual([
      'ビジョンの項目',
      'アクション（何を）',
      '担当',
      'いつから',
      '指標',
      '単位',
      '基準値',
      '目標値',
      '目標年度',
      '実績値（令和6年度）',
      '進捗状況',
      '評価',
      'コメント',
    ]);
    expect(rowValues(ws, 4, 13)).toEqual([
      '（２）情報・デジタル化　①業務の効率化',
      '電子決裁の普及促進',
      '業務改善・ＤＸ推進課',
      '令和6年度～',
      '電子決裁率',
      '%',
      42,
      90,
      '令和8年度',
      55.5,
      '実施中',
      'B',
      '財務会計の決裁が紙のまま残っている。システム改修の時期を調整中。',
    ]);
    // The action without indicators still has its row.
    expect(rowValues(ws, 7, 13)).toEqual([
      '（４）施設・モノ　①規模の適正化と効率的な管理',
      '公共施設の点検へのドローンの活用',
      '財産活用課',
      '令和7年度～',
      '',
      '',
      null,
      null,
      '',
      null,
      '未着手',
      '',
      '令和7年度からの実施に向け、民間企業と協議を始めた。',
    ]);
    expect(ws.actualRowCount).toBe(7);
    const sums = wb.getWorksheet('集計')!;
    expect(rowValues(sums, 5, 4)).toEqual(['進捗状況', '見直し', '', 1]);
    expect(rowValues(sums, 9, 4)).toEqual(['評価', 'C', '遅れている・見直しが必要', 1]);
  });

  it('.docx: title and date in 和暦, the council fonts, a table per section, what is behind, linked opinions', async () => {
    const bytes = await buildProgressDocx(progressArg);
    const text = await documentText(bytes);
    expect(text).toContain('令和6年度 進捗管理表');
    expect(text).toContain('令和7年5月30日現在');
    expect(text).toContain('飯塚市行政経営戦略推進審議会');
    expect(text).toContain(
      '遅れている、または見直しが必要なアクション\n・オンライン申請できる手続の拡充（業務改善・ＤＸ推進課）',
    );
    expect(text).toContain('（２）情報・デジタル化　①業務の効率化');
    // One table row: アクション / 担当 / 指標 / 目標 / 実績 / 進捗状況 / 評価 / コメント (one paragraph a line).
    expect(text).toContain(
      '電子決裁の普及促進\n（令和6年度～）\n業務改善・ＤＸ推進課\n電子決裁率\n90 %（令和8年度）\n55.5 %\n実施中\nB\n財務会計の決裁',
    );
    expect(text).toContain('３　審議会からの意見');
    expect(text).toContain('成果は検証する必要がある。\n大久保副会長\n・電子決裁の普及促進');
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    expect(styles).toContain('w:eastAsia="BIZ UD明朝"');
    expect(styles).toContain('w:eastAsia="BIZ UDゴシック"');
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:orient="landscape"');
  });

  it('are written by npm run samples (sheet, .xlsx and .docx) for the sample council', async () => {
    const docs = actionSamples(bundle);
    expect(docs.map((d) => d.fileName)).toEqual([
      '行政経営戦略推進プラン（サンプルデータ）_一歩踏み出すシート.xlsx',
      '令和6年度_進捗管理表_行政経営戦略推進プラン（サンプルデータ）.xlsx',
      '令和6年度_進捗管理表_行政経営戦略推進プラン（サンプルデータ）.docx',
    ]);
    const text = await documentText(await docs[2]!.build());
    expect(text).toContain('行政経営戦略推進プラン（サンプルデータ）');
    expect(text).toContain('庁内のDXと住民サービスのDXは分けて考えるべき。');
  });
});

describe('actions channels', () => {
  function setup() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'actions-ch-'));
    mkdirSync(path.join(root, 'exports'));
    const ctx = testServiceContext(root, { dataDir: path.join(root, 'data'), appVersion: 'test' });
    return { exports: path.join(root, 'exports'), handlers: createHandlers(ctx) };
  }

  it('save the 進捗管理表 through the contract', async () => {
    const { exports, handlers } = setup();
    const res = await dispatch(handlers, 'actions:export:progress-docx', progressArg);
    expect(res).toMatchObject({
      ok: true,
      value: {
        name: '飯塚市行政経営戦略推進審議会_令和6年度_進捗管理表_行政経営戦略推進プラン（サンプルデータ）.docx',
      },
    });
    const saved = path.join(
      exports,
      '飯塚市行政経営戦略推進審議会_令和6年度_進捗管理表_行政経営戦略推進プラン（サンプルデータ）.docx',
    );
    expect(await documentText(readFileSync(saved))).toContain('令和6年度 進捗管理表');
  });

  it('refuse an action linked to a deleted section, with the message, and write nothing', async () => {
    const { exports, handlers } = setup();
    const target = sample.actions.find((a) => a.what === '電子決裁の普及促進')!;
    const res = await dispatch(handlers, 'actions:export:sheet', {
      title: sample.plan.title,
      municipality: '飯塚市',
      numbering: draft.numbering,
      sections: removeSection(draft.sections, target.sectionIds[0]!),
      actions: sample.actions,
    });
    expect(res.ok).toBe(false);
    expect(JSON.stringify(res)).toContain(
      'アクション「電子決裁の普及促進」が、削除されたビジョンの項目に結び付いています。項目を選び直してください。',
    );
    expect(readdirSync(exports)).toEqual([]);
    const notNumber = await dispatch(handlers, 'actions:export:progress-xlsx', {
      ...progressArg,
      progress: [{ ...sample.progress[0]!, actuals: [{ indicatorId: 'x', value: '120人' }] }],
    });
    expect(JSON.stringify(notNumber)).toContain('実績値は数値で入力してください。');
    expect(
      existsSync(
        path.join(
          exports,
          '飯塚市行政経営戦略推進審議会_令和6年度_進捗管理表_行政経営戦略推進プラン（サンプルデータ）.xlsx',
        ),
      ),
    ).toBe(false);
  });
});
