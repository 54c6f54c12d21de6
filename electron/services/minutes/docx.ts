/**
 * The 会議録 as Word: the header as a real two-column table (docs/CONVENTIONS.md §1.1), the body inside
 * its 会議内容 row with heading styles for the numbered sections, page numbers, the title
 * in the file properties. Drawn from the same MinutesModel as the preview.
 */
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { buildDocument, packDocx, para, table, title, type CellContent } from '../exports/docx-common';
import {
  buildMinutesModel,
  type MinutesInput,
  type MinutesModel,
  type MinutesParagraph,
} from '../../../shared/minutes/model';

const INDENT = 240; // one full-width character at 12pt, in twips

function bodyParagraph(p: MinutesParagraph): Paragraph {
  switch (p.kind) {
    case 'group':
      return para(p.text, { spacing: { before: 120 }, keepNext: true });
    case 'field':
      return para(`■${p.text}`, { indent: { left: INDENT }, spacing: { before: 60 }, keepNext: true });
    case 'bullet':
      return para(`${p.prefix}${p.text}${p.suffix}`, { indent: { left: INDENT * 3, hanging: INDENT } });
    case 'answer':
      return para(`${p.prefix}${p.text}${p.suffix}`, { indent: { left: INDENT * 4, hanging: INDENT } });
    case 'turn':
      return new Paragraph({
        indent: { left: INDENT, hanging: INDENT },
        children: [new TextRun({ text: p.prefix, bold: true }), new TextRun({ text: `${p.text}${p.suffix}` })],
      });
    case 'note':
      return para(p.text, { indent: { left: INDENT } });
    default:
      return para(`${p.prefix}${p.text}${p.suffix}`, { indent: { left: INDENT, firstLine: p.prefix ? 0 : INDENT } });
  }
}

function bodyCell(model: MinutesModel): Paragraph[] {
  const out: Paragraph[] = [];
  for (const s of model.sections) {
    // A heading never ends a page alone.
    out.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text: s.heading })] }),
    );
    for (const p of s.paragraphs) out.push(bodyParagraph(p));
  }
  return out.length ? out : [para('')];
}

export function minutesDocument(model: MinutesModel) {
  const rows: CellContent[][] = model.header.map((h) => [
    h.label,
    h.key === 'body' ? bodyCell(model) : h.lines.join('\n') || ' ',
  ]);
  return buildDocument({
    title: model.documentTitle,
    subject: '会議録',
    fonts: model.fonts,
    ...(model.pageMark ? { pageMark: model.pageMark } : {}),
    children: [title(model.title), table({ widths: [20, 80], labelColumn: true, labelAlign: 'top', rows }), para('')],
  });
}

/** Builds the model itself from the records (main never takes a model from the renderer). */
export async function buildMinutesDocx(input: MinutesInput): Promise<Uint8Array> {
  return packDocx(minutesDocument(buildMinutesModel(input)));
}
