/**
 * Reads an 意見シート (.xlsx) into rows to preview: nothing is stored here, the renderer
 * writes the rows the user confirms. The whole workbook is loaded from the buffer
 * (exceljs's streaming reader corrupts multi-byte text at chunk boundaries).
 */
import type ExcelJS from 'exceljs';
import { cellText, findHeaderRow, loadWorkbook } from '../xlsx-read';
import { OPINION_SOURCE_LABELS, OPINION_SOURCES } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import { UNANSWERED, normalizeForSearch } from '../../../shared/opinions';
import type { ImportedOpinionRow, OpinionImportArgs, OpinionImportPreview } from '../../../shared/contract/opinions';

/** Header words recognised for each column (first match wins; compared width- and case-folded). */
const HEADERS: Record<
  'summary' | 'field' | 'member' | 'meeting' | 'source' | 'label' | 'response' | 'status' | 'id',
  string[]
> = {
  summary: ['意見の概要', '意見', 'ご意見', '意見内容', '主な意見'],
  field: ['分野', '分野・項目', '項目'],
  member: ['委員', '委員名', '氏名', '発言者'],
  meeting: ['会議', '会議回', '回'],
  source: ['出典', '区分', '意見の種類'],
  label: ['提出者', '所属', '担当課', '出典の詳細'],
  response: ['市の考え方', '市回答', '対応', '回答'],
  status: ['反映状況', '対応状況', '状況'],
  /** The internal lists' last column (documents.ts): optional, older sheets have none. */
  id: ['意見ID'],
};

/** Longer than any id the app makes: not one of ours, so the row is matched by its text. */
const MAX_ID_LENGTH = 100;

const MAX_ROWS = 20_000;

const norm = (s: string) => normalizeForSearch(s).replace(/\s+/g, '');

export async function readOpinionSheet(args: OpinionImportArgs): Promise<OpinionImportPreview> {
  const wb = await loadWorkbook(Buffer.from(args.data, 'base64'), args.fileName);
  // The first sheet with a recognisable header row (within its first 10 rows).
  const header = findHeaderRow(wb, HEADERS, 'summary');
  if (header)
    return {
      sheetName: header.ws.name,
      rows: readRows(header.ws, header.row, Object.fromEntries(header.columns), args),
    };
  throw new AppError(
    'INVALID_FILE',
    `「${args.fileName}」に意見の表が見つかりません。1行目（見出し行）に「意見」の列がある表にしてください（ほかに 分野／委員／会議／出典／市の考え方／反映状況 の列を読み取ります）。`,
  );
}

function readRows(
  ws: ExcelJS.Worksheet,
  headerRow: number,
  cols: Partial<Record<keyof typeof HEADERS, number>>,
  args: OpinionImportArgs,
): ImportedOpinionRow[] {
  const out: ImportedOpinionRow[] = [];
  const get = (row: ExcelJS.Row, key: keyof typeof HEADERS) =>
    cols[key] ? cellText(row.getCell(cols[key]!).value) : '';
  const sourceByLabel = new Map<string, (typeof OPINION_SOURCES)[number]>(
    OPINION_SOURCES.map((s) => [norm(OPINION_SOURCE_LABELS[s]), s]),
  );
  sourceByLabel.set(norm('インタビュー'), 'interview');
  sourceByLabel.set(norm('書面'), 'written');
  sourceByLabel.set(norm('パブコメ'), 'public-comment');
  sourceByLabel.set(norm('会議'), 'meeting');
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = (Object.keys(HEADERS) as (keyof typeof HEADERS)[]).map((k) => get(row, k));
    if (values.every((v) => !v)) continue; // blank line
    if (out.length >= MAX_ROWS)
      throw new AppError(
        'INVALID_FILE',
        `一度に読み込めるのは ${MAX_ROWS.toLocaleString('ja-JP')} 行までです。ファイルを分けてください。`,
      );
    const errors: string[] = [];
    const summary = get(row, 'summary');
    if (!summary) errors.push('意見が空欄です。');
    else if (summary.length > 5000) errors.push('意見が長すぎます（5,000字まで）。');

    const fieldName = get(row, 'field');
    const field = fieldName ? args.fields.find((f) => norm(f.name) === norm(fieldName)) : undefined;
    if (fieldName && !field)
      errors.push(`分野「${fieldName}」はこの審議会にありません（${args.fields.map((f) => f.name).join('・')}）。`);

    const memberName = get(row, 'member');
    const bare = memberName.replace(/(副会長|会長|委員)$/, '');
    const member = memberName
      ? args.members.find((m) => norm(m.name) === norm(bare) || norm(m.name + m.role) === norm(memberName))
      : undefined;
    if (memberName && !member) errors.push(`委員「${memberName}」が委員名簿にありません。`);

    // 出典 as this app writes it: 第2回審議会 / 各課インタビュー（税務課） / 書面意見（提出者）.
    const sourceRaw = get(row, 'source');
    const sourceMeeting = /^第\s*([0-9０-９]+)\s*回/.exec(sourceRaw);
    const sourceDetail = /^(.*?)[（(](.*)[）)]$/.exec(sourceRaw);
    const sourceText = sourceMeeting ? '審議会' : (sourceDetail ? sourceDetail[1]! : sourceRaw).trim();

    const meetingText = get(row, 'meeting') || (sourceMeeting ? sourceMeeting[0] : '');
    const number = meetingText ? Number(normalizeForSearch(meetingText).replace(/^第/, '').replace(/回.*$/, '')) : NaN;
    const meeting = meetingText ? args.meetings.find((m) => m.number === number) : undefined;
    if (meetingText && !meeting) errors.push(`会議「${meetingText}」が見つかりません（第N回 の形で書いてください）。`);

    let source = sourceText ? sourceByLabel.get(norm(sourceText)) : meeting ? 'meeting' : 'written';
    if (!source) {
      errors.push(
        `出典「${sourceRaw}」が分かりません（${OPINION_SOURCES.map((s) => OPINION_SOURCE_LABELS[s]).join('／')}）。`,
      );
      source = 'written';
    }
    if (source === 'meeting' && !meeting && !meetingText)
      errors.push('出典が審議会の意見には、会議（第N回）を書いてください。');
    const label = get(row, 'label') || (sourceDetail && !sourceMeeting ? sourceDetail[2]!.trim() : '');

    const statusRaw = get(row, 'status');
    const status = statusRaw === UNANSWERED ? '' : statusRaw;
    if (status && !args.statuses.includes(status))
      errors.push(`反映状況「${statusRaw}」はこの審議会の選択肢にありません（${args.statuses.join('／')}）。`);
    const response = get(row, 'response');
    if (response.length > 5000) errors.push('市の考え方が長すぎます（5,000字まで）。');
    const opinionId = get(row, 'id');

    out.push({
      row: r,
      summary,
      fieldId: field?.id ?? null,
      fieldName,
      memberId: member?.id ?? null,
      memberName,
      meetingId: meeting?.id ?? null,
      source,
      sourceLabel: label.slice(0, 200),
      response,
      status,
      errors,
      ...(opinionId && opinionId.length <= MAX_ID_LENGTH ? { opinionId } : {}),
    });
  }
  return out;
}
