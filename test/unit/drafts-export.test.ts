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
    expect(d.lines.filter((l) => l.startsWith('３．市民参画'))).toHaveLength(2); // in the 目次 and as the heading
    expect(d.lines).toContain('目次');
    const headingOf = (text: string) =>
      d.paragraphs.find((p) => /<w:pStyle w:val="Heading\d"\/>/.test(p) && d.text(p) === text);
    expect(headingOf('Ⅰ．これまでの行財政改革の取り組みと現状')).toContain('Heading1');
    expect(headingOf('１．これまでの取り組みと成果')).toContain('Heading2');
    expect(headingOf('（３）財政')).toContain('Heading3');
    expect(headingOf('①歳入の確保')).toContain('Heading4');
    expect(headingOf('３．市民参画')).toBeTruthy();
    expect(headingOf('４．進行管理（PDCAサイクルとOODAループの活用）')).toBeTruthy();
    // A bullet is a Word list item (the ・ is the list's), not a paragraph starting with ・.
    const bullet = d.paragraphs.find((p) => d.text(p) === '補助金等の見直しに関する指針（平成21年12月）')!;
    expect(bullet).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(await d.zip.file('word/numbering.xml')!.async('string')).toContain('<w:lvlText w:val="・"/>');
    expect(d.xml.includes('<w:tblHeader/>')).toBe(true);
    expect(d.lines).toContain('平成18年11月');
    expect(d.styles).toContain('w:eastAsia="ＭＳ ゴシック"');
    expect(await d.zip.file('docProps/core.xml')!.async('string')).toContain(
      '<dc:title>飯塚市行政経営戦略推進ビジョン 素案</dc:title>',
    );
  }, 60_000);
});

describe('Word document of a draft: print finish', () => {
  it('has a cover without page number, a 目次 with page numbers, whole table rows and labelled boxes', async () => {
    const d = await open(await buildDraftDocx({ doc: soan, fonts }));
    // Cover: different first page, whose footer is empty.
    expect(d.xml).toMatch(/<w:titlePg\/>/);
    const firstRef = /<w:footerReference w:type="first" r:id="(rId\d+)"\/>/.exec(d.xml)![1];
    const rels = await d.zip.file('word/_rels/document.xml.rels')!.async('string');
    const firstFooter = new RegExp(`Id="${firstRef}"[^>]*Target="([^"]+)"`).exec(rels)![1];
    expect(await d.zip.file(`word/${firstFooter}`)!.async('string')).not.toContain('PAGE');
    // 目次: each entry carries a page number as the field's cached result, in page order.
    const toc = d.xml.slice(d.xml.indexOf('TOC \\h'), d.xml.indexOf('</w:sdtContent>'));
    const pages = [...toc.matchAll(/PAGEREF _Toc\d+ \\h[\s\S]*?<w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => Number(m[1]));
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages[0]).toBeGreaterThanOrEqual(3); // after the cover and the 目次
    expect([...pages].sort((a, b) => a - b)).toEqual(pages);
    // Every row of the draft's tables is kept whole on a page.
    const rows = [...d.xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
  }, 60_000);

  it('prints a paragraph with a box label as a ruled box under its label', async () => {
    const boxed = {
      ...soan,
      sections: soan.sections.map((s, i) =>
        i === 0
          ? {
              ...s,
              blocks: [
                {
                  type: 'paragraph' as const,
                  text: '市民サービスと市職員の働きがいがともに上昇する未来',
                  box: '目指す姿',
                },
                ...s.blocks,
              ],
            }
          : s,
      ),
    };
    const d = await open(await buildDraftDocx({ doc: boxed, fonts }));
    const table = [...d.xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)]
      .map((m) => m[0])
      .find((t) => t.includes('目指す姿</w:t>'))!;
    expect(table).toContain('市民サービスと市職員の働きがいがともに上昇する未来');
    expect(table).toMatch(/<w:top w:val="single"/);
    expect(table).toContain('<w:cantSplit/>');
  }, 60_000);
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
