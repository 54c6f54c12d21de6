/**
 * Fast body paragraphs for long minutes. The docx library builds a component tree per
 * paragraph, turns it into objects and then into XML — about 0.3 ms a paragraph, most of a
 * 3,000-remark export. Body paragraphs come in a handful of shapes (indent, spacing, bold
 * speaker…), so each shape is rendered once by the library itself, with placeholders where
 * the texts go, and every paragraph of that shape is the template with its texts filled in.
 * The document carries a tiny marker per paragraph; after packing, each marker in
 * word/document.xml is replaced by its paragraph's XML. The XML is the library's own, byte
 * for byte (test/unit/minutes-docx-splice.test.ts compares both ways on every style).
 */
import {
  Packer,
  Paragraph,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type IXmlableObject,
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { collectBytes, ZipStream } from '../exports/zip-stream';

export type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'text'>;
export interface RunSpec {
  text: string;
  bold?: boolean;
  /** A line break before the text (the second and later lines of a paragraph). */
  break?: boolean;
}

const MARK = 'shingikai-splice';
const MARK_RE = /<shingikai-splice i="(\d+)"\/>/g;
const PLACEHOLDER_RE = /\uE000(\d+)\uE001/;
const SLOT = '<shingikai-slot/>';

// The library's escaping of text (docx src/util/xml/stringify.ts, escapeAll).
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot carry are dropped
const NEEDS_ESCAPE = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/;
// eslint-disable-next-line no-control-regex
const ESCAPE_ALL = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const escapeXml = (s: string) => (NEEDS_ESCAPE.test(s) ? s.replace(ESCAPE_ALL, (c) => ESCAPES[c] ?? '') : s);

/**
 * Writes an object from the library's prepForXml as its XML, unindented — the library's
 * own `resolve` and `format` (docx src/util/xml/stringify.ts) with indent "", quirks and all.
 */
function xmlOf(data: IXmlableObject): string {
  const name = Object.keys(data)[0];
  const values = name === undefined ? undefined : (data as Record<string, unknown>)[name];
  const attributes: string[] = [];
  const content: string[] = [];
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr))
      attributes.push(`${key}="${String(typeof value === 'string' ? escapeXml(value) : value)}"`);
  };
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string };
      if (attr) addAttributes(attr);
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`);
      if (Array.isArray(values)) {
        let isStringContent = false;
        content.push('');
        for (const value of values as unknown[]) {
          if (typeof value === 'object' && value !== null) {
            if (Object.keys(value)[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr);
            else content.push(xmlOf(value as IXmlableObject));
          } else {
            content.pop();
            isStringContent = true;
            content.push(String(typeof value === 'string' ? escapeXml(value) : value));
          }
        }
        if (!isStringContent) content.push('');
      }
    }
  } else content.push(String(typeof values === 'string' ? escapeXml(values) : values));
  const open = (name ? `<${name}` : '') + (attributes.length > 0 ? ` ${attributes.join(' ')}` : '');
  if (content.length === 0) return `${open}/>`;
  return `${open}${name ? '>' : ''}${content.join('')}${name ? `</${name}>` : ''}`;
}

/** A paragraph's place in the document (a Paragraph to the library); its XML is put there after packing. */
class Marker extends Paragraph {
  constructor(readonly index: number) {
    super({});
  }
  override prepForXml(): IXmlableObject {
    return { [MARK]: { _attr: { i: this.index } } } as IXmlableObject;
  }
}

/** Where a row template's paragraphs go. */
class Slot extends Paragraph {
  constructor() {
    super({});
  }
  override prepForXml(): IXmlableObject {
    return { 'shingikai-slot': {} } as IXmlableObject;
  }
}

/**
 * A table row's place. Its cells carry the real row's widths, so the table works out the
 * same column grid as with the real row.
 */
class RowMarker extends TableRow {
  constructor(
    readonly index: number,
    widths: number[],
  ) {
    super({
      children: widths.map((size) => new TableCell({ width: { size, type: WidthType.PERCENTAGE }, children: [] })),
    });
  }
  override prepForXml(): IXmlableObject {
    return { [MARK]: { _attr: { i: this.index } } } as IXmlableObject;
  }
}

const CONTEXT = { stack: [] } as unknown as Parameters<Paragraph['prepForXml']>[0];

export function runsOf(text: string, run: Omit<RunSpec, 'text' | 'break'> = {}): RunSpec[] {
  return text.split('\n').map((line, i) => ({ text: line, ...run, ...(i > 0 ? { break: true } : {}) }));
}

function docxParagraph(opts: ParagraphOptions, runs: RunSpec[]): Paragraph {
  return new Paragraph({
    ...opts,
    children: runs.map(
      (r) => new TextRun({ text: r.text, ...(r.break ? { break: 1 } : {}), ...(r.bold ? { bold: true } : {}) }),
    ),
  });
}

/** A body paragraph or table row made by a splicer: its XML (spliced) or the library's object (reference). */
export class Piece<T> {
  constructor(
    readonly index: number,
    readonly object?: T,
  ) {}
}

/**
 * Makes body paragraphs and rows. `direct: false` (tests) makes the library's own
 * Paragraph and TableRow objects instead, the reference the spliced output is compared with.
 */
export class ParagraphSplicer {
  private readonly xml: string[] = [];
  private readonly templates = new Map<string, string[]>();
  /** Markers that stand for several rows: the rows' entries in `xml`. */
  private readonly groups = new Map<number, number[]>();
  constructor(readonly direct = true) {}

  /**
   * A paragraph. `shape`, when given, stands for `opts`: every call with the same shape must
   * pass the same options (the template is then found without serialising them).
   */
  paragraph(opts: ParagraphOptions, runs: RunSpec[], shape?: string): Piece<Paragraph> {
    if (!this.direct) return new Piece(-1, docxParagraph(opts, runs));
    let flags = '';
    for (const r of runs) flags += r.bold === true ? (r.break === true ? 'B' : 'b') : r.break === true ? 'R' : 'r';
    const key = shape === undefined ? JSON.stringify([opts, flags]) : `shape:${shape}:${flags}`;
    let parts = this.templates.get(key);
    if (!parts) {
      const sample = docxParagraph(
        opts,
        runs.map((r, i) => ({ ...r, text: `\uE000${i}\uE001` })),
      );
      const xml = xmlOf(sample.prepForXml(CONTEXT)!);
      // parts: [xml before run 0, 0, between, 1, …, after]; odd entries are run numbers.
      parts = xml.split(PLACEHOLDER_RE);
      this.templates.set(key, parts);
    }
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) out += escapeXml(runs[Number(parts[i])]!.text) + parts[i + 1]!;
    this.xml.push(out);
    return new Piece(this.xml.length - 1);
  }

  /** Paragraphs to put in the document. */
  place(pieces: Piece<Paragraph>[]): Paragraph[] {
    return pieces.map((p) => p.object ?? new Marker(p.index));
  }

  /**
   * A table row made by `make` around `paragraphs`; rows of the same `key` must differ only
   * in their paragraphs.
   */
  row(key: string, make: (children: Paragraph[]) => TableRow, paragraphs: Piece<Paragraph>[]): Piece<TableRow> {
    if (!this.direct) return new Piece(-1, make(this.place(paragraphs)));
    let parts = this.templates.get(`row:${key}`);
    if (!parts) {
      parts = xmlOf(make([new Slot()]).prepForXml(CONTEXT)!).split(SLOT);
      if (parts.length !== 2) throw new Error('row template: one slot expected');
      this.templates.set(`row:${key}`, parts);
    }
    let inner = '';
    for (const p of paragraphs) inner += this.xml[p.index]!;
    this.xml.push(parts[0]! + inner + parts[1]!);
    return new Piece(this.xml.length - 1);
  }

  /**
   * Rows to put in a table. Spliced rows become one marker row whose cells have `widths`
   * (percent), the rows' own, so the table works out the same column grid.
   */
  placeRows(pieces: Piece<TableRow>[], widths: number[]): TableRow[] {
    if (!this.direct || pieces.length === 0) return pieces.map((p) => p.object!);
    // The rows stay separate strings, written one after another when packed (never joined).
    this.groups.set(
      this.xml.length,
      pieces.map((p) => p.index),
    );
    this.xml.push('');
    return [new RowMarker(this.xml.length - 1, widths)];
  }

  /** The XML a marker stands for: a paragraph, a row, or a run of rows. */
  private *xmlAt(index: number): Generator<string> {
    const group = this.groups.get(index);
    if (group) for (const i of group) yield this.xml[i]!;
    else yield this.xml[index]!;
  }

  /** The packed document with every marker replaced by its paragraph. */
  async pack(doc: Parameters<typeof Packer.toBuffer>[0]): Promise<Uint8Array> {
    if (!this.direct || this.xml.length === 0) return new Uint8Array(await Packer.toBuffer(doc));
    const part = 'word/document.xml';
    const splice = (xml: string) => xml.replace(MARK_RE, (_, i: string) => [...this.xmlAt(Number(i))].join(''));
    // The library's compiler gives the package's parts before they are zipped (what
    // Packer.pack zips), so the document is zipped once; else unzip the packed file.
    const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
    const parts = compiler && typeof compiler.compile === 'function' ? [...compiler.compile(doc)] : null;
    if (parts && parts.every(([, data]) => typeof data === 'string')) {
      // Deflated by Node's zlib as the text is written, the paragraphs written one by one
      // (the spliced document is never one string).
      return collectBytes(async (sink) => {
        const zip = new ZipStream(sink, 6);
        for (const [path, data] of parts as [string, string][])
          await zip.entry(path, async (write) => {
            if (path !== part) return write(data);
            let at = 0;
            for (const m of data.matchAll(MARK_RE)) {
              await write(data.slice(at, m.index));
              for (const xml of this.xmlAt(Number(m[1]))) {
                const wait = write(xml);
                if (wait) await wait;
              }
              at = m.index + m[0].length;
            }
            await write(data.slice(at));
          });
        await zip.end();
      });
    }
    const files = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
    files[part] = strToU8(splice(strFromU8(files[part]!)));
    return zipSync(files);
  }
}

interface Compiler {
  compile(file: Parameters<typeof Packer.toBuffer>[0]): Map<string, string | Uint8Array | ArrayBuffer>;
}
