import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildDraftDocx } from '../../electron/services/drafts/draft-docx';
import { buildComparisonDocx } from '../../electron/services/drafts/comparison-docx';
import { DEFAULT_COMPARISON_OPTIONS } from '../../shared/contract/drafts';
import { docOfVersion } from '../../shared/drafts';
import { SAMPLE_PRODUCERS } from '../../electron/services/exports/samples';

const bundle = buildSampleCouncil();
const [kossi, soan] = bundle.draftVersions.map(docOfVersion) as [
  ReturnType<typeof docOfVersion>,
  ReturnType<typeof docOfVersion>,
];
const fonts = { body: 'ＭＳ 明朝', heading: 'ＭＳ ゴシック' };

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
  const text = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  /** Text of the underlined runs. */
  const underlined = [
    ...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:u [^>]*\/>(?:(?!<\/w:r>)[\s\S])*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g),
  ].map((m) => m[1]);
  return {
    zip,
    xml,
    lines: paragraphs.map(text),
    paragraphs,
    text,
    underlined,
    styles: await zip.file('word/styles.xml')!.async('string'),
  };
}

describe('Word document of a draft', () => {
  it('has the cover block, a 目次 field with its entries, numbered headings in heading styles, body and tables', async () => {
    const d = await open(await buildDraftDocx({ doc: soan, fonts }));
    expect(d.lines.slice(0, 5)).toEqual(
      expect.arrayContaining(['飯塚市行政経営戦略推進ビジョン', '素案', '令和5年8月', '飯塚市']),
    );
    expect((await open(await buildDraftDocx({ doc: kossi, fonts }))).lines.slice(0, 5)).toEqual(
      expect.arrayContaining(['骨子案', '令和5年7月']),
    );
    expect(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/.test(d.xml)).toBe(true);
    expect(d.lines).toContain('Ⅲ．行政経営戦略推進の方法'); // a 目次 entry written out (and its heading)
    expect(d.lines.filter((l) => l === '３．市民参画')).toHaveLength(2); // in the 目次 and as the heading
    expect(d.lines).toContain('目次');
    const headingOf = (text: string) =>
      d.paragraphs.find((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p) && d.text(p) === text);
    expect(headingOf('Ⅰ．これまでの行財政改革の取り組みと現状')).toContain('Heading1');
    expect(headingOf('１．これまでの取り組みと成果')).toContain('Heading2');
    expect(headingOf('（３）財政')).toContain('Heading3');
    expect(headingOf('①歳入の確保')).toContain('Heading4');
    expect(headingOf('３．市民参画')).toBeTruthy();
    expect(headingOf('４．進行管理（PDCAサイクルとOODAループの活用）')).toBeTruthy();
    expect(d.lines).toContain('・補助金等の見直しに関する指針（平成21年12月）');
    expect(d.xml.includes('<w:tblHeader/>')).toBe(true);
    expect(d.lines).toContain('平成18年11月');
    expect(d.styles).toContain('w:eastAsia="ＭＳ ゴシック"');
    expect(await d.zip.file('docProps/core.xml')!.async('string')).toContain(
      '<dc:title>飯塚市行政経営戦略推進ビジョン 素案</dc:title>',
    );
  });
});

describe('新旧対照表', () => {
  it('puts 新 | 旧 side by side, underlines the changes, marks whole sections and collapses the rest', async () => {
    const d = await open(
      await buildComparisonDocx({ oldDoc: kossi, newDoc: soan, options: DEFAULT_COMPARISON_OPTIONS, fonts }),
    );
    expect(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/.test(d.xml)).toBe(true);
    expect(d.xml.includes('<w:tblHeader/>')).toBe(true);
    const header = d.lines.indexOf('改正後（素案）');
    expect(d.lines[header + 1]).toBe('改正前（骨子案）');
    expect(d.underlined).toEqual(expect.arrayContaining(['DX', 'ＤＸ', '市民の', 'の', 'で', 'ふるさと納税の推進や']));
    expect(d.underlined).toContain('３．市民参画'); // the new section, on the new side
    expect(d.lines).toContain('（新設）');
    expect(d.lines).toContain('（削る）');
    expect(d.underlined).toContain('②管理の効率化');
    expect(d.lines.filter((l) => l === '（略）').length).toBeGreaterThan(2);
    expect(d.lines.join('\n')).not.toContain('目指す姿を達成するに当たり'); // unchanged sections are collapsed
  });

  it('follows the settings: 旧 | 新, 新/旧 labels, full text and a 備考 column', async () => {
    const d = await open(
      await buildComparisonDocx({
        oldDoc: kossi,
        newDoc: soan,
        options: { order: 'old-new', labels: 'shinkyu', unchanged: 'full', remarks: true },
        fonts,
      }),
    );
    const header = d.lines.indexOf('旧（骨子案）');
    expect(d.lines.slice(header, header + 3)).toEqual(['旧（骨子案）', '新（素案）', '備考']);
    expect(d.lines).toEqual(expect.arrayContaining(['（追加）', '（変更）', '（削除）']));
    expect(d.lines).not.toContain('（略）');
    expect(d.lines.join('\n')).toContain('目指す姿を達成するに当たり');
  });
});

describe('samples', () => {
  it('writes both versions and their 新旧対照表 with user-style names', async () => {
    const docs = SAMPLE_PRODUCERS.flatMap((p) => p(bundle)).map((d) => d.fileName);
    expect(docs).toEqual(
      expect.arrayContaining([
        '飯塚市行政経営戦略推進ビジョン_骨子案.docx',
        '飯塚市行政経営戦略推進ビジョン_素案.docx',
        '飯塚市行政経営戦略推進ビジョン_新旧対照表（素案・骨子案）.docx',
      ]),
    );
  });
});
