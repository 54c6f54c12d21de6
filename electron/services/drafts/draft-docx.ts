/**
 * The Word document of a draft (docs/CONVENTIONS.md §4.5; reference 004 資料１): cover page (title, stage, date, issuer;
 * no page number on it), 目次, numbered headings in Word's heading styles, body
 * paragraphs, bullets as a real Word list, labelled boxes (目指す姿 …) as ruled boxes,
 * tables whose rows never break across pages.
 *
 * The 目次 is a TOC field written with its entries *and their page numbers*: docx's
 * layout estimator (docx/layout) lays the pages out as Word does while the file is
 * written and stores each heading's page as the field's cached result, written clean —
 * so Word, LibreOffice and a viewer that never updates fields all show the numbers on
 * open, and Word's 「目次の更新」 still works. The body font (明朝) is not in the
 * estimator's width tables, so it measures it as the nearest font it knows (`guess`):
 * full-width text is one em a character in both, so the pages agree for this text.
 */
import { AlignmentType, PageBreak, Paragraph, TableOfContents, TextRun, type FileChild } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { Block } from '../../../shared/domain';
import { printedDraft, TOC_DEPTH, type DraftDoc } from '../../../shared/drafts';
import {
  bulletParagraph,
  buildDocument,
  DEFAULT_FONTS,
  fontAttrs,
  heading,
  packDocx,
  para,
  table,
  type DocFonts,
} from '../exports/docx-common';

export interface DraftDocxInput {
  doc: DraftDoc;
  fonts?: DocFonts;
}

const CHAR = 220; // one character of 11 pt, in twips

function blockChildren(block: Block, level: number): FileChild[] {
  const left = CHAR * Math.min(level + 1, 4);
  if (block.type === 'paragraph' && block.box !== undefined) {
    // A labelled box: the label in a shaded row, the text under it, kept on one page.
    return [
      table({
        widths: [100],
        ...(block.box.trim() ? { header: [block.box.trim()] } : {}),
        rows: [[block.text.split('\n').map((line) => para(line, { spacing: { before: 40, after: 40 } }))]],
        cantSplit: true,
      }),
      new Paragraph({ spacing: { after: 60 }, children: [] }),
    ];
  }
  if (block.type === 'paragraph') {
    return [para(block.text, { indent: { left, firstLine: CHAR }, spacing: { after: 60 } })];
  }
  if (block.type === 'bullets') {
    return block.items
      .filter((i) => i.trim())
      .map((item) =>
        bulletParagraph(item, 0, { indent: { left: left + CHAR, hanging: CHAR }, spacing: { after: 20 } }),
      );
  }
  const cols = Math.max(1, ...block.rows.map((r) => r.length));
  const rows = block.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? ''));
  const [head, ...rest] = rows;
  // Columns as wide as their longest text, within bounds, so a date column stays narrow.
  const want = Array.from({ length: cols }, (_, i) => Math.min(40, Math.max(6, ...rows.map((r) => r[i]!.length))));
  const sum = want.reduce((a, b) => a + b, 0);
  return [
    table({
      widths: want.map((w) => (100 * w) / sum),
      ...(block.header && head ? { header: head, rows: rest } : { rows }),
      fontSize: 20,
      cantSplit: true,
    }),
    new Paragraph({ spacing: { after: 60 }, children: [] }),
  ];
}

export function draftDocxChildren(doc: DraftDoc, fonts: DocFonts): FileChild[] {
  const printed = printedDraft(doc);
  const headingFont = fontAttrs(fonts.heading);
  const centered = (text: string, size: number, before = 0) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before, after: 240 },
      children: [new TextRun({ text, size, bold: true, font: headingFont })],
    });
  const cover: FileChild[] = [
    centered(printed.cover.title, 44, 3600),
    ...(printed.cover.stage ? [centered(printed.cover.stage, 40, 240)] : []),
    ...(printed.cover.date ? [centered(printed.cover.date, 28, 3600)] : []),
    ...(printed.cover.issuer ? [centered(printed.cover.issuer, 28, printed.cover.date ? 0 : 3600)] : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const toc: FileChild[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [new TextRun({ text: '目次', size: 28, bold: true, font: headingFont })],
    }),
    new TableOfContents('目次', { headingStyleRange: `1-${TOC_DEPTH}`, hyperlink: true }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const body: FileChild[] = printed.body.flatMap((item) =>
    item.kind === 'heading'
      ? [
          heading(item.text, Math.min(item.level + 1, 4) as 1 | 2 | 3 | 4, {
            indent: { left: CHAR * Math.max(0, item.level - 1) },
          }),
        ]
      : blockChildren(item.block, item.level),
  );
  return [...cover, ...toc, ...body];
}

export async function buildDraftDocx(input: DraftDocxInput): Promise<Uint8Array> {
  const fonts = input.fonts ?? DEFAULT_FONTS;
  const { doc } = input;
  return packDocx(
    buildDocument({
      title: [doc.title, doc.stage].filter(Boolean).join(' '),
      subject: doc.stage || '作業中の原稿',
      fonts,
      coverPage: true,
      pageNumbers: estimatePageNumbersWith({ guess: true }),
      children: draftDocxChildren(doc, fonts),
    }),
  );
}
