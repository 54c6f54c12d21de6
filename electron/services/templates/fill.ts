/**
 * Fills a city's own Word template (easy-template-x) and checks it first. Every problem
 * becomes a Japanese message naming the tag and where it stands (表1 2行目 1列目 / 本文 3段落目);
 * nothing is returned unless the whole template reads cleanly.
 */
import JSZip from 'jszip';
import {
  MalformedFileError,
  MissingCloseDelimiterError,
  MissingStartDelimiterError,
  TemplateHandler,
  UnclosedTagError,
  UnidentifiedFileTypeError,
  UnopenedTagError,
  UnsupportedFileTypeError,
  type Tag,
} from 'easy-template-x';
import { AppError } from '../../../shared/errors';
import {
  checkTags,
  TEMPLATE_KIND_LABELS,
  type FoundTag,
  type TagProblem,
  type TemplateKind,
} from '../../../shared/templates/tags';
import { dataStrings, type TemplateData } from '../../../shared/templates/minutes-data';

export const TEMPLATE_MAX_BYTES = 20 * 1024 * 1024;

/** One paragraph of the template's main document with the words that say where it is. */
export interface TemplateParagraph {
  text: string;
  where: string;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/**
 * The paragraphs of word/document.xml in order, each with its place: 本文 N段落目 outside tables,
 * 表T R行目 C列目 inside one (the outermost table's numbers; a nested table adds its own).
 */
export function templateParagraphs(documentXml: string, part = '本文'): TemplateParagraph[] {
  const out: TemplateParagraph[] = [];
  const tables: { row: number; col: number }[] = [];
  let tableCount = 0;
  let bodyCount = 0;
  let cellPara = 0;
  let text: string[] | null = null;
  const re = /<(\/?)w:(tbl|tr|tc|p|t)(?=[\s>/])([^>]*?)(\/?)>|<w:(tab|br|cr)\b[^>]*\/>/g;
  let m: RegExpExecArray | null;
  let lastT = -1;
  while ((m = re.exec(documentXml))) {
    const [, close, name, , selfClose] = m;
    if (m[5]) {
      if (text) text.push(m[5] === 'tab' ? '\t' : '\n');
      continue;
    }
    if (name === 't') {
      if (!close && !selfClose) lastT = re.lastIndex;
      else if (close && lastT >= 0 && text) {
        text.push(unescapeXml(documentXml.slice(lastT, m.index)));
        lastT = -1;
      }
      continue;
    }
    if (selfClose) continue;
    if (name === 'tbl') {
      if (close) tables.pop();
      else {
        if (tables.length === 0) tableCount++;
        tables.push({ row: 0, col: 0 });
      }
    } else if (name === 'tr' && !close && tables.length) {
      tables[tables.length - 1]!.row++;
      tables[tables.length - 1]!.col = 0;
    } else if (name === 'tc' && !close && tables.length) {
      tables[tables.length - 1]!.col++;
      cellPara = 0;
    } else if (name === 'p') {
      if (!close) text = [];
      else if (text) {
        let where: string;
        if (tables.length) {
          cellPara++;
          const t = tables[0]!;
          where = `${part === '本文' ? '' : `${part}の`}表${tableCount} ${t.row}行目 ${t.col}列目`;
          for (const inner of tables.slice(1)) where += ` の中の表 ${inner.row}行目 ${inner.col}列目`;
          if (cellPara > 1) where += ` ${cellPara}段落目`;
        } else where = `${part} ${++bodyCount}段落目`;
        out.push({ text: text.join(''), where });
        text = null;
      }
    }
  }
  return out;
}

function locate(paragraphs: TemplateParagraph[], fragment: string, from = 0): number {
  for (let i = from; i < paragraphs.length; i++) if (paragraphs[i]!.text.includes(fragment)) return i;
  for (let i = 0; i < from && i < paragraphs.length; i++) if (paragraphs[i]!.text.includes(fragment)) return i;
  return -1;
}

const placeOf = (paragraphs: TemplateParagraph[], fragment: string) => {
  const i = locate(paragraphs, fragment);
  return i >= 0 ? paragraphs[i]!.where : '場所不明';
};

export function problemMessage(p: TagProblem): string {
  return `${p.where}の「${p.tag}」：${p.message}`;
}

function invalid(kind: TemplateKind, problems: TagProblem[]): AppError {
  const head = `${TEMPLATE_KIND_LABELS[kind]}のテンプレートに直すところがあります。`;
  const list = problems.slice(0, 10).map(problemMessage);
  const more = problems.length > 10 ? [`ほか${problems.length - 10}件`] : [];
  return new AppError(
    'INVALID_ARGUMENT',
    [head, ...list, ...more].join('\n'),
    problems.map((p) => ({ path: p.where, message: problemMessage(p) })),
  );
}

function corrupt(kind: TemplateKind): AppError {
  return new AppError(
    'INVALID_FILE',
    `${TEMPLATE_KIND_LABELS[kind]}のテンプレートを読み込めませんでした。Word 文書（.docx）として壊れているか、別の形式のファイルです。Word で開いて「名前を付けて保存」で .docx として保存し直してください。`,
  );
}

/** The paragraphs of the body, then of the page headers and footers (their tags are filled too). */
async function readParagraphs(kind: TemplateKind, bytes: Uint8Array): Promise<TemplateParagraph[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw corrupt(kind);
  }
  const main = zip.file('word/document.xml');
  if (!main) throw corrupt(kind);
  const out = templateParagraphs(await main.async('string'));
  const others = Object.keys(zip.files)
    .filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const name of others) {
    const label = name.includes('header') ? 'ヘッダー' : 'フッター';
    out.push(...templateParagraphs(await zip.file(name)!.async('string'), label));
  }
  return out;
}

const handler = new TemplateHandler();

/** Reads the tags and checks them against the kind's tag list (nothing is filled). */
export async function checkTemplate(kind: TemplateKind, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength > TEMPLATE_MAX_BYTES)
    throw new AppError('INVALID_ARGUMENT', 'テンプレートにできるファイルは 20MB までです。');
  const paragraphs = await readParagraphs(kind, bytes);
  const problems: TagProblem[] = [];

  // Full-width braces never make a tag; say so rather than print them.
  for (const p of paragraphs)
    for (const m of p.text.matchAll(/｛[^｛｝{}]{0,40}｝/g))
      problems.push({
        tag: m[0],
        where: p.where,
        message: '全角の ｛ ｝ はタグになりません。半角の { } で書いてください',
      });

  let tags: Tag[];
  try {
    tags = await handler.parseTags(Buffer.from(bytes));
  } catch (error) {
    throw libraryError(kind, error, paragraphs, problems);
  }
  const found: FoundTag[] = [];
  let cursor = 0;
  for (const t of tags) {
    const i = locate(paragraphs, t.rawText, cursor);
    if (i >= 0) cursor = i;
    found.push({
      name: t.name,
      disposition: t.disposition,
      rawText: t.rawText,
      where: i >= 0 ? paragraphs[i]!.where : '場所不明',
    });
  }
  problems.push(...checkTags(kind, found));

  // Braces left once the tags are taken out: a tag Word broke up so the library cannot read it
  // (split over two paragraphs, or a brace lost in a field or text box).
  const raw = new Set(tags.map((t) => t.rawText));
  for (const p of paragraphs) {
    let rest = p.text;
    for (const r of raw) rest = rest.split(r).join('');
    const stray = /\{[^{}]{0,40}\}?|\}/.exec(rest);
    if (stray)
      problems.push({
        tag: stray[0],
        where: p.where,
        message:
          'タグとして読めません。{ と } の間を一度消して、同じ段落の中で続けて入力し直してください（途中で改行や書式の異なる部分があると読めません）',
      });
  }
  if (problems.length) throw invalid(kind, problems);
}

function libraryError(kind: TemplateKind, error: unknown, paragraphs: TemplateParagraph[], earlier: TagProblem[]) {
  const problem = (tag: string, message: string): TagProblem => ({ tag, where: placeOf(paragraphs, tag), message });
  if (error instanceof UnclosedTagError)
    return invalid(kind, [
      ...earlier,
      problem(error.tagRawText, `繰り返しが {/${error.tagName}} で閉じられていません`),
    ]);
  if (error instanceof UnopenedTagError)
    return invalid(kind, [...earlier, problem(error.tagRawText, '対応する {#…} がない閉じタグです')]);
  if (error instanceof MissingCloseDelimiterError)
    return invalid(kind, [
      ...earlier,
      problem(
        error.openDelimiterText,
        '} がありません。タグが途中で改行されているか、} が抜けています。同じ段落の中で続けて入力し直してください',
      ),
    ]);
  if (error instanceof MissingStartDelimiterError)
    return invalid(kind, [...earlier, problem(error.closeDelimiterText, '{ がありません')]);
  if (
    error instanceof MalformedFileError ||
    error instanceof UnidentifiedFileTypeError ||
    error instanceof UnsupportedFileTypeError
  )
    return corrupt(kind);
  if (error instanceof AppError) return error;
  return new AppError(
    'INVALID_ARGUMENT',
    `${TEMPLATE_KIND_LABELS[kind]}のテンプレートを読めませんでした（${error instanceof Error ? error.message : String(error)}）。`,
  );
}

/**
 * Checks, then fills. `hidden` are names a 公開版 must not carry: if any reaches the data the
 * fill is refused (the data is built from the already-redacted model; this is the last guard).
 */
export async function fillTemplate(
  kind: TemplateKind,
  bytes: Uint8Array,
  data: TemplateData,
  hidden: string[] = [],
  allowed: string[] = [],
): Promise<Uint8Array> {
  await checkTemplate(kind, bytes);
  // The named roster rows (a style with 公開版の氏名) may carry the names; nothing else may.
  const scrub = (s: string) => allowed.reduce((x, line) => (line ? x.split(line).join('') : x), s);
  const strings = dataStrings(data).map(scrub);
  for (const name of hidden)
    if (name.length >= 2 && strings.some((s) => s.includes(name)))
      throw new AppError('INTERNAL', '公開版に伏せるべき氏名が残っていたため、出力を中止しました。');
  try {
    const out = await handler.process(Buffer.from(await markLoopParagraphs(bytes)), data);
    return await dropLoopRemnants(new Uint8Array(out.buffer, out.byteOffset, out.byteLength));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw libraryError(kind, error, await readParagraphs(kind, bytes), []);
  }
}

// ---------------------------------------------------------------- loop-tag paragraphs

/**
 * A loop tag on a line of its own ({#段落} … {/段落}, as Word users write them) leaves an empty
 * paragraph behind for every item (easy-template-x repeats the content between the tags and
 * keeps what is around them). Before the fill such paragraphs get an invisible mark around each
 * tag; after it, paragraphs holding nothing but marks are removed and the marks taken out.
 * Empty paragraphs the user typed carry no mark and stay.
 */
const MARK = '\u2063';
const LOOP_ONLY = /^\s*(\{\s*[#/][^{}]*\}\s*)+$/;

async function rewriteDocument(bytes: Uint8Array, change: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const main = zip.file('word/document.xml');
  if (!main) return bytes;
  zip.file('word/document.xml', change(await main.async('string')));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const PARAGRAPH = /<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>(?:(?!<w:p[\s>/])[\s\S])*?<\/w:p>/g;
const textOf = (p: string) =>
  [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');

export async function markLoopParagraphs(bytes: Uint8Array): Promise<Uint8Array> {
  return rewriteDocument(bytes, (xml) =>
    xml.replace(PARAGRAPH, (p) => {
      if (!LOOP_ONLY.test(textOf(p))) return p;
      const texts = [...p.matchAll(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g)];
      if (texts.length === 1) {
        // All the tags in one run: a mark on both sides of each.
        return p.replace(texts[0]![0], (t) =>
          t.replace(
            />([^<]*)</,
            (_, inner: string) => `>${inner.replace(/\{[^{}]*\}/g, (tag) => `${MARK}${tag}${MARK}`)}<`,
          ),
        );
      }
      // Split over runs: a mark before the first text and after the last.
      let i = 0;
      return p.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (all, open: string, inner: string, close: string) => {
        i++;
        if (i === 1 && i === texts.length) return `${open}${MARK}${inner}${MARK}${close}`;
        if (i === 1) return `${open}${MARK}${inner}${close}`;
        if (i === texts.length) return `${open}${inner}${MARK}${close}`;
        return all;
      });
    }),
  );
}

export async function dropLoopRemnants(bytes: Uint8Array): Promise<Uint8Array> {
  return rewriteDocument(bytes, (xml) => {
    if (!xml.includes(MARK)) return xml;
    const out = xml.replace(PARAGRAPH, (p) => {
      if (!p.includes(MARK) || textOf(p).replaceAll(MARK, '').trim()) return p;
      if (/<w:(drawing|pict|object|fldChar|fldSimple|sectPr|br)\b/.test(p)) return p;
      return '';
    });
    // A table cell must keep one paragraph (Word refuses the file otherwise).
    return out
      .replace(/(<w:tc(?:\s[^>]*)?>(?:<w:tcPr>(?:(?!<\/w:tcPr>)[\s\S])*<\/w:tcPr>)?)(<\/w:tc>)/g, '$1<w:p/>$2')
      .replaceAll(MARK, '');
  });
}
