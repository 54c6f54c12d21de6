/**
 * The HTML editions: the 会議録 and the 意見対応表 as the page a city puts on its website —
 * structure (lang, title, headings, header table, lists), the same text, redaction and gate as
 * the Word 公開版, the council's style, every text escaped, and the channels writing the file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import { buildMinutesExport } from '../../electron/services/minutes/handlers';
import { buildMinutesHtmlExport, minutesHtml } from '../../electron/services/html/minutes';
import { buildOpinionsHtml, buildOpinionsHtmlExport } from '../../electron/services/html/opinions';
import { opinionDocumentData } from '../../electron/services/opinions/samples';
import { buildMinutesModel, type MinutesParagraph } from '../../shared/minutes/model';
import { MINUTES_STYLE_PRESETS, resolveMinutesStyle } from '../../shared/minutes/style';
import { AppError } from '../../shared/errors';
import type { CouncilBundle, Remark } from '../../shared/domain';
import type { SavedFile } from '../../shared/contract';
import { sampleBundle, sampleInput, withSpeakersAndSecrets } from './minutes-helpers';
import { testServiceContext } from './service-context';

const html = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** The page's text, one line per block (heading, paragraph, list item, cell), as a reader meets it. */
function blocks(page: string): string[] {
  const main = page.slice(page.indexOf('<main>'), page.indexOf('</main>'));
  return unescape(
    main
      .replace(/<br>/g, '')
      .replace(/<(p|h1|h2|h3|li|th|td|caption)\b[^>]*>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  )
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}
const all = (page: string, re: RegExp) => [...page.matchAll(re)].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, '')));

function withRemark(b: CouncilBundle, text: string, extra: Partial<Remark> = {}): CouncilBundle {
  const m2 = b.meetings.find((m) => m.number === 2)!;
  const base = b.remarks.find((r) => r.meetingId === m2.id && r.kind === '意見')!;
  return { ...b, remarks: [...b.remarks, { ...base, id: 'extra', order: 9999, text, nonPublic: false, ...extra }] };
}

const expectedLines = (p: MinutesParagraph): string[] => {
  if (p.kind === 'field') return [`■${p.text}`];
  if (p.kind === 'turn' && p.prefix.endsWith('\n')) return [p.prefix.slice(0, -1), `${p.text}${p.suffix}`];
  return [`${p.prefix}${p.text}${p.suffix}`];
};

describe('the 会議録 as HTML', () => {
  it('is one page: lang ja, the title, h1 → h2 per section → h3 per field, the header as a table, opinions as a list', () => {
    const input = sampleInput(sampleBundle(), 'public');
    const model = buildMinutesModel(input);
    const { fileName, bytes } = buildMinutesHtmlExport(input);
    const page = html(bytes);
    expect(fileName).toBe('第2回_会議録_公開版.html');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(all(page, /<title>([^<]*)<\/title>/g)).toEqual(['第2回 飯塚市行政経営戦略推進審議会 会議録（公開版）']);
    expect(all(page, /<h1>(.*?)<\/h1>/g)).toEqual(['会議録']);
    expect(all(page, /<h2[^>]*>(.*?)<\/h2>/g)).toEqual(model.sections.map((s) => s.heading));
    expect(all(page, /<h2[^>]*>(.*?)<\/h2>/g)[2]).toBe('３ 議題１ 各分野の現状と課題及び想定される解決策について');
    expect(all(page, /<h3>(.*?)<\/h3>/g)).toEqual([
      '■行政施策',
      '■DX推進',
      '■財務',
      '■人材育成',
      '■働き方改革',
      '■経営',
    ]);
    // No heading level is skipped: after the h1 only h2 and h3 follow, and an h3 only under an h2.
    const levels = [...page.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    levels.forEach((l, i) => i > 0 && expect(l - levels[i - 1]!).toBeLessThanOrEqual(1));
    // Every header row but the body: a row header with the label, the value beside it.
    const rows = all(page, /<th scope="row">(.*?)<\/th>/g);
    expect(rows).toEqual(model.header.filter((h) => h.key !== 'body').map((h) => h.label));
    expect(page).toMatch(/<th scope="row">開催日時<\/th><td><p>令和5年7月7日（金） 13:30～15:30<\/p><\/td>/);
    // Each opinion one list item; the answer inside its question's item.
    const bullets = model.sections.flatMap((s) => s.paragraphs).filter((p) => p.kind === 'bullet');
    expect(page.match(/<li>/g)!.length).toBe(bullets.length);
    expect(page).toMatch(
      /<li><span class="mark" aria-hidden="true">・<\/span>推進体制のところで[^<]*<p class="answer">⇒素案について/,
    );
    expect(page).not.toMatch(/<img|<script|<link|<iframe|src=|url\(/);
  });

  it('prints the same text as the model the Word file draws, paragraph by paragraph (公開版, both styles)', () => {
    const b = withSpeakersAndSecrets(sampleBundle());
    for (const style of ['summary', 'speaker'] as const) {
      const input = { ...sampleInput(b, 'public', 'letter'), style };
      const model = buildMinutesModel(input);
      const expected = model.sections.flatMap((s) => [s.heading, ...s.paragraphs.flatMap(expectedLines)]);
      const lines = blocks(minutesHtml(model));
      const start = lines.indexOf(model.sections[0]!.heading);
      expect(lines.slice(start, start + expected.length)).toEqual(expected);
      expect(lines[start + expected.length]).toBe('会議資料');
    }
  });

  it('a 公開版 carries no non-public remark and no hidden name; the 内部版 keeps them', () => {
    const b = withSpeakersAndSecrets(sampleBundle());
    const input = sampleInput(b, 'public', 'letter');
    const page = html(buildMinutesHtmlExport({ ...input, minutes: { ...input.minutes!, style: 'speaker' } }).bytes);
    const secrets = input.remarks.filter((r) => r.nonPublic).map((r) => r.text);
    expect(secrets.length).toBeGreaterThan(3);
    for (const s of secrets) expect(page).not.toContain(s.slice(0, 12));
    for (const name of ['菅原', '畠中']) expect(page).not.toContain(name);
    expect(page).toMatch(/Ａ委員|A委員/);
    const internal = html(buildMinutesHtmlExport({ ...input, mode: 'internal' }).bytes);
    expect(internal).toContain('非公開の意見：用地買収の候補地は○○町である。');
    expect(internal).toContain('菅原');
  });

  it('stops a 公開版 exactly as the Word export does (same message, same places)', async () => {
    const b = withRemark(sampleBundle(), '会長に井澤委員、副会長に大久保委員が選出された。');
    const input = sampleInput(b, 'public', 'role');
    const word = await buildMinutesExport(input).catch((e: unknown) => e);
    let page: unknown;
    try {
      buildMinutesHtmlExport(input);
    } catch (e) {
      page = e;
    }
    expect(page).toBeInstanceOf(AppError);
    expect((page as AppError).message).toBe((word as AppError).message);
    expect((page as AppError).details).toEqual((word as AppError).details);
    expect(() => buildMinutesHtmlExport({ ...input, mode: 'internal' })).not.toThrow();
  });

  it('escapes every text: a remark with <script> is shown as text, never run', () => {
    const b = withRemark(sampleBundle(), '<script>alert("x")</script> & <img src=x onerror=alert(1)> の件');
    const page = html(buildMinutesHtmlExport(sampleInput(b, 'public')).bytes);
    expect(page).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; の件',
    );
    expect(page).not.toMatch(/<script|<img/i);
  });

  it("follows the council's minutes style: fonts, sizes, line spacing, A4 margins, header form", () => {
    const b = sampleBundle();
    const plain = html(buildMinutesHtmlExport(sampleInput(b, 'public')).bytes);
    const s = resolveMinutesStyle(b.council);
    expect(plain).toContain(`font-size: ${s.page.bodySize}pt`);
    expect(plain).toContain('@page { size: A4; margin: 25mm 17mm 25mm 30mm; }');
    expect(plain).toMatch(/@media print \{[\s\S]*li, tr, p, \.turn, th, td \{ break-inside: avoid;/);
    expect(plain).toContain('"ＭＳ 明朝"');
    const numbered = MINUTES_STYLE_PRESETS.find((p) => p.header.form === 'numbered')!;
    const small = MINUTES_STYLE_PRESETS.find((p) => p.page.bodySize === 10.5)!;
    const other = html(
      buildMinutesHtmlExport(sampleInput({ ...b, council: { ...b.council, minutesStyle: numbered } }, 'public')).bytes,
    );
    expect(all(other, /<th scope="row">(.*?)<\/th>/g)[0]).toBe('1　開催日時'); // the preset's half-width numbers, as its Word file;
    const smaller = html(
      buildMinutesHtmlExport(sampleInput({ ...b, council: { ...b.council, minutesStyle: small } }, 'public')).bytes,
    );
    expect(smaller).toContain('@page { size: A4; margin: 20mm 20mm 20mm 25mm; }');
    expect(smaller).toMatch(/body \{[^}]*font-size: 10\.5pt/);
  });
});

describe('the 意見対応表 as HTML', () => {
  const bundle = sampleBundle();
  const data = opinionDocumentData(bundle);

  it('has the 集計 as row headers and one table per field with column headers, the rows of the Word file', () => {
    const { fileName, bytes } = buildOpinionsHtml('responses', data, true);
    const page = html(bytes);
    expect(fileName).toBe('意見対応表_公開版.html');
    expect(page).toMatch(/<html lang="ja">/);
    expect(all(page, /<h1>(.*?)<\/h1>/g)).toEqual(['意見対応表']);
    expect(all(page, /<h2[^>]*>(.*?)<\/h2>/g)).toEqual(['集計', '意見と市の考え方']);
    const fields = all(page, /<h3[^>]*>(.*?)<\/h3>/g);
    expect(fields[0]).toMatch(/^行政施策（\d+件）$/);
    expect(all(page, /<th scope="row">(.*?)<\/th>/g)).toContain('意見総数');
    expect(page).toMatch(/<th scope="row">意見総数<\/th><td>\d+件<\/td>/);
    const tables = page.match(/<table class="opinions"/g)!.length;
    expect(tables).toBe(fields.length);
    expect(page.match(/<th scope="col">意見の概要<\/th>/g)!.length).toBe(tables);
    const shown = data.opinions.filter((o) => !o.nonPublic && !o.mergedIntoId);
    const rowCount = (page.match(/<tr><td class="no">/g) ?? []).length;
    expect(rowCount).toBeGreaterThan(10);
    expect(rowCount).toBeLessThanOrEqual(shown.length);
    const total = Number(page.match(/<th scope="row">意見総数<\/th><td>(\d+)件/)![1]);
    expect(rowCount).toBe(total);
    expect(page).toContain('@page { size: A4 landscape;');
  });

  it('leaves out a non-public opinion in the 公開版, escapes text, and stops as the Word export does', () => {
    const o = data.opinions[0]!;
    const secret = { ...o, id: 'secret', nonPublic: true, summary: '非公開ZQの意見', order: 999 };
    const script = { ...o, id: 'script', summary: '<script>alert(1)</script>の件', order: 1000 };
    const d = { ...data, opinions: [...data.opinions, secret, script] };
    const pub = html(buildOpinionsHtml('responses', d, true).bytes);
    expect(pub).not.toContain('非公開ZQ');
    expect(pub).toContain('&lt;script&gt;alert(1)&lt;/script&gt;の件');
    expect(pub).not.toContain('<script');
    expect(html(buildOpinionsHtml('responses', d, false).bytes)).toContain('非公開ZQの意見');
    const bad = { ...o, id: 'bad', summary: '会長に井澤委員、副会長に大久保委員が選出された。', order: 1001 };
    const blocked = {
      ...d,
      council: { ...d.council, publication: { ...d.council.publication, speakerLabel: 'role' as const } },
      opinions: [...d.opinions, bad],
    };
    expect(() => buildOpinionsHtml('responses', blocked, true)).toThrow(/出力を止めました/);
    expect(() => buildOpinionsHtmlExport({ kind: 'matrix', publication: true, data: d })).toThrow(
      /意見対応表と分野別意見一覧/,
    );
  });
});

describe('the HTML channels', () => {
  it('write the .html through the dispatcher with the Word export arguments', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'html-ch-'));
    const handlers = createHandlers(testServiceContext(dir));
    const b = sampleBundle();
    const saved = await dispatch(handlers, 'minutes:export:html', sampleInput(b, 'public'));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    const file = saved.value as SavedFile;
    expect(file.name).toBe('飯塚市行政経営戦略推進審議会_第2回_会議録_公開版.html');
    expect(readFileSync(file.path, 'utf8')).toContain('<h1>会議録</h1>');
    const args = {
      kind: 'responses' as const,
      format: 'docx' as const,
      publication: true,
      data: opinionDocumentData(b),
    };
    const op = await dispatch(handlers, 'opinions:export:html', args);
    expect(op.ok).toBe(true);
    if (!op.ok) return;
    expect((op.value as SavedFile).name).toBe('飯塚市行政経営戦略推進審議会_意見対応表_公開版.html');
    expect(readFileSync((op.value as SavedFile).path, 'utf8')).toContain('<h1>意見対応表</h1>');
    const refused = await dispatch(handlers, 'minutes:export:html', {
      ...sampleInput(b, 'public'),
      mode: 'html',
    } as never);
    expect(refused.ok).toBe(false);
  });
});
