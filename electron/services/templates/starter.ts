/**
 * Starter templates (ひな形): one ordinary .docx per document kind, with the tags where the
 * built-in layout has its text, for the secretariat to open in Word, restyle and upload.
 * Generated at run time with the docx library (as every other export), so a starter always
 * uses exactly the tags of shared/templates/tags.ts and the council's fonts.
 */
import { AlignmentType, HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Council } from '../../../shared/domain';
import { TEMPLATE_KIND_LABELS, type TemplateKind } from '../../../shared/templates/tags';
import { buildDocument, DEFAULT_FONTS, packDocx, para, table, title, type DocFonts } from '../exports/docx-common';

export function starterFileName(kind: TemplateKind): string {
  return `テンプレート_${TEMPLATE_KIND_LABELS[kind]}.docx`;
}

const INDENT = 240;

function minutesStarter(kind: TemplateKind, fonts: DocFonts) {
  const body: Paragraph[] = [
    para('{#議事}'),
    new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text: '{見出し}' })] }),
    para('{#段落}'),
    para('{本文}', { indent: { left: INDENT } }),
    para('{/段落}'),
    para('{/議事}'),
  ];
  const rows: [string, string | Paragraph[]][] = [
    ['会議の名称', '{会議名}'],
    ['開催日時', '{日時}'],
    ['開催場所', '{場所}'],
    ['出席委員', '{出席委員}'],
    ['欠席委員', '{欠席委員}'],
    ['事務局職員', '{事務局}'],
    ['会議内容', body],
    ['会議資料', '{資料}'],
    ['公開・非公開の別', '{公開非公開}'],
    ['その他', '{その他}'],
  ];
  const mark = kind === 'minutes-public' ? [] : [para('{版}', { alignment: AlignmentType.RIGHT })];
  return buildDocument({
    title: TEMPLATE_KIND_LABELS[kind],
    subject: 'テンプレート',
    fonts,
    children: [
      ...mark,
      title('{表題}'),
      table({ widths: [20, 80], labelColumn: true, labelAlign: 'top', rows }),
      para(''),
    ],
  });
}

function agendaStarter(fonts: DocFonts) {
  const center = (text: string, size: number, after: number) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after },
      children: [new TextRun({ text, size, bold: true })],
    });
  const info = { indent: { left: 3969, hanging: 1020 } };
  return buildDocument({
    title: TEMPLATE_KIND_LABELS.agenda,
    subject: 'テンプレート',
    fonts,
    children: [
      center('{会議名}', 28, 120),
      center('次　　第', 36, 480),
      para('日　時　{日時}', info),
      para('場　所　{場所}', info),
      para(''),
      para('{#次第}'),
      para('{番号}　{項目}', { spacing: { before: 240 } }),
      para('{#細目}'),
      para('{番号}{項目}', { indent: { left: 1134, hanging: 680 } }),
      para('{/細目}'),
      para('{/次第}'),
      para(''),
      para('【配布資料】'),
      para('{#資料一覧}'),
      para('{番号}　{資料名}', { indent: { left: 1474, hanging: 1020 } }),
      para('{/資料一覧}'),
    ],
  });
}

function responsesStarter(fonts: DocFonts) {
  return buildDocument({
    title: TEMPLATE_KIND_LABELS.responses,
    subject: 'テンプレート',
    fonts,
    landscape: true,
    children: [
      title('意見対応表'),
      para('{審議会名}　{作成日}現在（{版}）', { alignment: AlignmentType.RIGHT }),
      para('意見総数 {意見総数}　意見を出した委員 {委員数}　反映 {反映数}（{内訳}）'),
      table({
        widths: [6, 12, 34, 30, 9, 9],
        header: ['番号', '分野', '意見', '市の考え方', '反映状況', '該当箇所'],
        fontSize: 20,
        rows: [['{#意見一覧}{番号}', '{分野}', '{意見}', '{市の考え方}', '{反映状況}', '{該当箇所}{/意見一覧}']],
      }),
    ],
  });
}

export async function buildStarterTemplate(kind: TemplateKind, council?: Pick<Council, 'publication'>) {
  const fonts: DocFonts = council
    ? {
        body: council.publication.bodyFont || DEFAULT_FONTS.body,
        heading: council.publication.headingFont || DEFAULT_FONTS.heading,
      }
    : DEFAULT_FONTS;
  const doc =
    kind === 'agenda'
      ? agendaStarter(fonts)
      : kind === 'responses'
        ? responsesStarter(fonts)
        : minutesStarter(kind, fonts);
  return packDocx(doc);
}
