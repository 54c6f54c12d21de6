/**
 * The shared frame of the HTML editions (公開版 for the city's website): one self-contained
 * file, `lang="ja"`, every text escaped, inline CSS with an A4 print sheet. No scripts,
 * no images, no outside resources.
 */
import type { FileFilter } from '../../core/platform';

export const HTML_FILTER: FileFilter = { name: 'HTML ファイル', extensions: ['html'] };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every text that goes into the page goes through here (remarks may hold `<script>`). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A CSS font-family value from the names the style gives, with generic Japanese fallbacks. */
export function fontFamily(name: string, generic: 'serif' | 'sans-serif'): string {
  const fallback =
    generic === 'serif'
      ? ['"Yu Mincho"', '"YuMincho"', '"Hiragino Mincho ProN"', '"Noto Serif CJK JP"', 'serif']
      : ['"Yu Gothic"', '"YuGothic"', '"Hiragino Sans"', '"Noto Sans CJK JP"', 'sans-serif'];
  const own = name.trim() ? [`"${name.replace(/["\\<>]/g, '')}"`] : [];
  return [...own, ...fallback].join(', ');
}

export interface PageSpec {
  /** Millimetres. */
  margins: { top: number; right: number; bottom: number; left: number };
  landscape?: boolean;
}

/** The print sheet: A4 with the document's margins, headings kept with what follows, items not split. */
export function printCss(page: PageSpec): string {
  const m = page.margins;
  return `
@page { size: A4${page.landscape ? ' landscape' : ''}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; color: #000; background: #fff; }
  h1, h2, h3, .group, .speaker { break-after: avoid; page-break-after: avoid; }
  li, tr, p, .turn, th, td { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}`;
}

export function htmlDocument(opts: { title: string; css: string; body: string }): string {
  return `<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${opts.css}
</style>
</head>
<body>
<main>
${opts.body}
</main>
</body>
</html>
`;
}

export const htmlBytes = (html: string): Uint8Array => new TextEncoder().encode(html);
