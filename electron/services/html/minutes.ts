/**
 * The 会議録 as one accessible HTML page (公開版 for the city's website; 内部版 and 確認用 too),
 * drawn from the same MinutesModel as the Word file: the same numbering, labels, omissions and
 * redaction, the council's minutes style (fonts, sizes, line spacing, margins, header form).
 *
 * Structure: h1 the title, the header rows as a table (`th scope="row"`), each section an h2,
 * each field an h3, opinions and answers as a list.
 */
import {
  buildMinutesModel,
  type MinutesInput,
  type MinutesModel,
  type MinutesParagraph,
} from '../../../shared/minutes/model';
import { formatNumber } from '../../../shared/style/format';
import type { MinutesExportArgs } from '../../../shared/contract/minutes';
import { assertMinutesPublishable } from '../../../shared/publication/review';
import { checkMinutesRecords } from '../minutes/handlers';
import { escapeHtml, fontFamily, htmlBytes, htmlDocument, printCss } from './common';

/** Escaped, with the text's own line breaks kept. */
const text = (s: string) => escapeHtml(s).replace(/\r?\n/g, '<br>');

/** A bullet mark (・) is drawn, not read: the list says it is a list. */
const MARK = /^[・●○◯■□◆◇▪\-－*＊]\s*$/;
const prefixHtml = (prefix: string) =>
  !prefix
    ? ''
    : MARK.test(prefix)
      ? `<span class="mark" aria-hidden="true">${escapeHtml(prefix)}</span>`
      : text(prefix);

function headerLabel(model: MinutesModel, index: number, label: string): string {
  const n = formatNumber(index + 1, model.format.numbering.header, model.format.numbering.digitWidth);
  if (model.headerForm === 'numbered' || model.headerForm === 'numbered-below') return `${n}　${label}`;
  if (model.headerForm === 'headed') return `【${label}】`;
  return label;
}

function headerTable(model: MinutesModel, rows: { index: number; label: string; lines: string[] }[]): string {
  if (!rows.length) return '';
  const tr = rows.map(
    (r) =>
      `<tr><th scope="row">${escapeHtml(headerLabel(model, r.index, r.label))}</th><td>${r.lines
        .map((l) => `<p>${text(l)}</p>`)
        .join('')}</td></tr>`,
  );
  return `<table class="header">\n<tbody>\n${tr.join('\n')}\n</tbody>\n</table>`;
}

function paragraphHtml(p: MinutesParagraph, model: MinutesModel): string {
  const body = `${prefixHtml(p.prefix)}${text(p.text)}${text(p.suffix)}`;
  switch (p.kind) {
    case 'group':
      return `<p class="group">${body}</p>`;
    case 'field':
      return `<h3><span class="mark" aria-hidden="true">${escapeHtml(model.format.texts.fieldMark)}</span>${text(p.text)}</h3>`;
    case 'turn':
      if (p.prefix.endsWith('\n'))
        return `<div class="turn"><p class="speaker">${text(p.prefix.slice(0, -1))}</p><p class="remark">${text(p.text)}${text(p.suffix)}</p></div>`;
      return `<p class="turn"><span class="speaker">${text(p.prefix)}</span>${text(p.text)}${text(p.suffix)}</p>`;
    case 'note':
      return `<p class="note">${body}</p>`;
    default:
      if (/^（[^）]*）$/.test(p.text) && !p.prefix && model.format.texts.stageDirections)
        return `<p class="stage">${text(p.text)}</p>`;
      return `<p class="${p.prefix ? 'text prefixed' : 'text'}">${body}</p>`;
  }
}

/** A section's paragraphs: runs of opinions (bullet) with their answers become one list. */
function sectionBody(paragraphs: MinutesParagraph[], model: MinutesModel): string {
  const out: string[] = [];
  let items: string[][] | null = null;
  const close = () => {
    if (items) out.push(`<ul>\n${items.map((i) => `<li>${i.join('')}</li>`).join('\n')}\n</ul>`);
    items = null;
  };
  for (const p of paragraphs) {
    const body = `${prefixHtml(p.prefix)}${text(p.text)}${text(p.suffix)}`;
    if (p.kind === 'bullet') {
      (items ??= []).push([body]);
      continue;
    }
    if (p.kind === 'answer') {
      const answer = `<p class="answer">${body}</p>`;
      if (items?.length) items[items.length - 1]!.push(answer);
      else (items ??= []).push([answer]);
      continue;
    }
    close();
    out.push(paragraphHtml(p, model));
  }
  close();
  return out.join('\n');
}

function css(model: MinutesModel): string {
  const page = model.format.page;
  const m = page.marginsMm;
  return `
body { font-family: ${fontFamily(model.fonts.body, 'serif')}; font-size: ${page.bodySize}pt;
  line-height: ${(1.7 * page.lineSpacing).toFixed(2)}; color: #000; background: #fff;
  max-width: 46em; margin: 0 auto; padding: 2em 1.5em; }
h1, h2, h3, th, .speaker, .group { font-family: ${fontFamily(model.fonts.heading, 'sans-serif')}; }
h1 { font-size: ${page.titleSize}pt; text-align: center; margin: 0 0 1em; }
h2 { font-size: ${page.headingSize}pt; margin: 1.2em 0 0.4em; }
h3 { font-size: ${page.bodySize}pt; margin: 0.8em 0 0.2em 1em; }
p { margin: 0; }
.page-mark { text-align: right; font-weight: bold; }
table.header { width: 100%; border-collapse: collapse; margin: 0 0 1em; }
table.header th, table.header td { border: 1px solid #000; padding: 0.3em 0.6em; vertical-align: top; text-align: left; }
table.header th { width: 20%; background: #f2f2f2; white-space: nowrap; }
.body-sections { margin: 0 0 1em; }
.group { font-weight: bold; margin: 0.6em 0 0.2em; }
.text { text-indent: 1em; margin-left: 1em; }
.text.prefixed { text-indent: 0; }
.stage { margin-left: 2em; }
.note { margin-left: 1em; }
ul { list-style: none; margin: 0.2em 0; padding: 0 0 0 3em; }
li { padding-left: 1em; text-indent: -1em; }
.answer { margin-left: 1em; }
.turn { margin: 0.3em 0 0.3em 1em; }
p.turn { padding-left: 1em; text-indent: -1em; }
.speaker { font-weight: bold; }
.remark { text-indent: 1em; margin-left: 1em; }
${printCss({ margins: { top: m.top, right: m.right, bottom: m.bottom, left: m.left } })}`;
}

/** The page from a model (pure; the model is main's own, built from the records). */
export function minutesHtml(model: MinutesModel): string {
  const bodyAt = model.header.findIndex((h) => h.key === 'body');
  const rows = model.header.map((h, index) => ({ index, label: h.label, lines: h.lines }));
  const before = bodyAt < 0 ? rows : rows.slice(0, bodyAt);
  const after = bodyAt < 0 ? [] : rows.slice(bodyAt + 1);
  const sections = model.sections.map(
    (s, i) =>
      `<section aria-labelledby="s${i + 1}">\n<h2 id="s${i + 1}">${text(s.heading)}</h2>\n${sectionBody(s.paragraphs, model)}\n</section>`,
  );
  const body = [
    model.pageMark ? `<p class="page-mark">${text(model.pageMark)}</p>` : '',
    `<h1>${text(model.title)}</h1>`,
    headerTable(model, before),
    bodyAt >= 0 ? `<div class="body-sections">\n${sections.join('\n')}\n</div>` : '',
    headerTable(model, after),
  ]
    .filter(Boolean)
    .join('\n');
  return htmlDocument({ title: model.documentTitle, css: css(model), body });
}

/** 第2回_会議録_公開版.html */
export const minutesHtmlFileName = (model: Pick<MinutesModel, 'fileName'>) =>
  model.fileName.replace(/\.docx$/, '.html');

/** Builds the model itself from the records (main never takes a model from the renderer). */
export function buildMinutesHtml(input: MinutesInput): { fileName: string; bytes: Uint8Array } {
  const model = buildMinutesModel(input);
  return { fileName: minutesHtmlFileName(model), bytes: htmlBytes(minutesHtml(model)) };
}

/** As the Word export: records checked, a 公開版 stopped while a hidden name cannot be replaced, then built. */
export function buildMinutesHtmlExport(args: MinutesExportArgs): { fileName: string; bytes: Uint8Array } {
  checkMinutesRecords(args);
  if (args.mode === 'public') assertMinutesPublishable(args);
  return buildMinutesHtml(args);
}
