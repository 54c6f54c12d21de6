import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { convertMillimetersToTwip } from 'docx';
import { buildMinutesDocx } from '../../electron/services/minutes/docx';
import { buildAgendaDocx } from '../../electron/services/councils/agenda-docx';
import { buildMinutesModel } from '../../shared/minutes/model';
import { DEFAULT_MINUTES_STYLE, MINUTES_STYLE_PRESETS, type MinutesStyle } from '../../shared/minutes/style';
import { sampleBundle, sampleInput, withSpeakersAndSecrets } from './minutes-helpers';
import type { MinutesMode } from '../../shared/minutes/model';
import type { CouncilBundle } from '../../shared/domain';

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
/** Paragraph texts of a part, in order (w:t joined per w:p; w:br as a line break). */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
        .map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : unescape(m[1]!)))
        .join(''),
    )
    .filter((t) => t.length > 0);
}

async function exportWith(
  style: MinutesStyle,
  mode: MinutesMode = 'internal',
  rule?: 'letter',
  edit: (b: CouncilBundle) => CouncilBundle = (b) => b,
) {
  const input = sampleInput(edit(withSpeakersAndSecrets(sampleBundle())), mode, rule);
  input.council = { ...input.council, minutesStyle: style };
  const zip = await JSZip.loadAsync(await buildMinutesDocx(input));
  const part = (name: string) => zip.file(name)!.async('string');
  return {
    model: buildMinutesModel(input),
    xml: await part('word/document.xml'),
    styles: await part('word/styles.xml'),
    footer: await part('word/footer1.xml'),
    settings: await part('word/settings.xml'),
  };
}

describe('会議録 .docx in each built-in style', () => {
  for (const preset of MINUTES_STYLE_PRESETS) {
    it(`${preset.name}: title, header rows in order, sections and the page`, async () => {
      const { model, xml, styles, footer } = await exportWith(preset);
      const texts = paragraphs(xml);
      expect(texts[0]).toBe(model.title);
      // Every header label, in the style's order, then each section heading.
      const flat = texts.join('\n');
      let at = 0;
      for (const h of model.header) {
        const i = flat.indexOf(h.label, at);
        expect(i, `${h.label} after ${at}`).toBeGreaterThanOrEqual(0);
        at = i;
      }
      for (const h of model.header.filter((h) => h.key !== 'body'))
        for (const line of h.lines.filter(Boolean)) expect(flat).toContain(line);
      for (const s of model.sections) expect(texts).toContain(s.heading);
      // The header's form: a real table only for the table form.
      expect(xml.includes('<w:tbl>')).toBe(preset.header.form === 'table');
      // The page: margins, body size, line spacing, grid and page-number form.
      const mm = convertMillimetersToTwip;
      expect(xml).toContain(`w:left="${mm(preset.page.marginsMm.left)}"`);
      expect(xml).toContain(`w:top="${mm(preset.page.marginsMm.top)}"`);
      expect(styles).toContain(`<w:sz w:val="${preset.page.bodySize * 2}"/>`);
      expect(styles).toContain(`w:line="${Math.round(240 * preset.page.lineSpacing)}"`);
      if (preset.page.grid) expect(xml).toMatch(/<w:docGrid w:type="lines" w:linePitch="\d+"\/>/);
      else expect(xml).not.toContain('<w:docGrid w:type="lines"');
      // Field codes (PAGE, NUMPAGES) as their names, the literal text around them as is.
      const pageText = [...footer.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)]
        .map((m) => m[1] ?? m[2]!.trim())
        .join('');
      expect(pageText).toBe(
        { dash: '- PAGE -', plain: 'PAGE', 'of-total': 'PAGE / NUMPAGES', none: '' }[preset.page.pageNumber],
      );
    });
  }

  it('the default style keeps a heading and its first paragraph in one row that does not split', async () => {
    const { xml } = await exportWith(DEFAULT_MINUTES_STYLE);
    const rows = xml.split('</w:tr>').slice(0, -1);
    const heading = rows.find((r) => r.includes('資料の説明'))!;
    expect(heading).toContain('<w:cantSplit/>');
    expect(paragraphs(heading)).toEqual([
      '２ 資料の説明',
      '事務局から資料１ 飯塚市行政経営戦略推進ビジョン骨子案、資料２ 各分野の現状と課題及び想定される解決策について説明',
    ]);
    expect(heading).toContain('w:vMerge');
    // The paragraph Word needs after the table is off the grid (no blank last page).
    expect(xml).toMatch(/<\/w:tbl><w:p><w:pPr><w:snapToGrid w:val="0"\/>/);
    const field = rows.find((r) => r.includes('■財務'))!;
    expect(paragraphs(field)[1]).toMatch(/^・公用車が不足している/);
  });

  it('a 決定事項 in a numbered list with values below the labels', async () => {
    const preset = MINUTES_STYLE_PRESETS.find((p) => p.kind === 'decisions')!;
    const texts = paragraphs((await exportWith(preset)).xml);
    expect(texts.slice(0, 5)).toEqual([
      '決定事項',
      '１　会議の名称',
      '第2回 飯塚市行政経営戦略推進審議会',
      '２　開催日時',
      '令和5年7月7日（金） 午後1時30分～3時30分',
    ]);
    expect(texts.join('\n')).not.toMatch(/出席委員|＜各委員/);
  });

  it('a 発言者別 with colons, 西暦 and ，。 in a 公開版 that still lists the roster', async () => {
    const preset = MINUTES_STYLE_PRESETS.find((p) => p.name === '発言者別（コロン・西暦）')!;
    const { xml } = await exportWith(preset, 'public', 'letter');
    const texts = paragraphs(xml);
    expect(texts).toContain('2023年7月7日(金) 13:30～15:30');
    expect(texts).toContain('大久保副会長，河委員，河﨑委員，菅原委員，畠中委員');
    expect(texts.some((t) => t.startsWith('A委員：やめることを決めないと'))).toBe(true);
    expect(xml).not.toContain('、');
  });

  it('a 全文記録 puts the speaker on its own line and the remark indented below', async () => {
    const preset = MINUTES_STYLE_PRESETS.find((p) => p.kind === 'verbatim')!;
    const texts = paragraphs((await exportWith(preset)).xml);
    const i = texts.indexOf('河委員', texts.indexOf('【会議内容】'));
    expect(i).toBeGreaterThan(0);
    expect(texts[i + 1]).toMatch(/^やめることを決めないと/);
    expect(texts).toContain('【開催日時】');
    expect(texts).toContain('令和5年7月7日（金曜日） 午後1時30分から午後3時30分まで');
    expect(texts).toContain('①公開　２ 一部公開　３ 非公開');
  });

  it('a grid with characters per line is written as the 文字数と行数 of Word', async () => {
    const style = structuredClone(DEFAULT_MINUTES_STYLE);
    style.page.grid = { chars: 40, lines: 36 };
    const { xml } = await exportWith(style);
    expect(xml).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="\d+" w:charSpace="-?\d+"\/>/);
  });
});

describe('会議次第 in the council style', () => {
  it('prints the date and punctuation as the minutes style does', async () => {
    const b = sampleBundle();
    const meeting = b.meetings.find((m) => m.number === 2)!;
    const preset = MINUTES_STYLE_PRESETS.find((p) => p.name === '発言者別（コロン・西暦）')!;
    const read = async (council: typeof b.council) =>
      paragraphs(
        await (
          await JSZip.loadAsync(await buildAgendaDocx({ council, meeting }))
        )
          .file('word/document.xml')!
          .async('string'),
      );
    expect(await read(b.council)).toContain('日　時　令和5年7月7日（金） 13:30～15:30');
    const styled = await read({ ...b.council, minutesStyle: preset });
    expect(styled).toContain('日　時　2023年7月7日(金) 13:30～15:30');
    expect(styled.join('\n')).toMatch(/場　所　オンライン（委員）\n?/);
  });
});

describe("会議録 .docx with the roster's own titles and other attendees", () => {
  /** 井澤 委員長, 大久保 副委員長 (chair of the day), 河 専門委員; a 説明員 on staff, 報道関係 on the meeting. */
  const council = (b: CouncilBundle): CouncilBundle => {
    const role: Record<string, string> = { 井澤: '委員長', 大久保: '副委員長', 河: '専門委員' };
    return {
      ...b,
      members: b.members.map((m) => ({ ...m, role: role[m.name] ?? m.role })),
      staff: [
        ...b.staff,
        {
          id: 'st-x',
          councilId: b.council.id,
          department: '都市計画課',
          title: '課長',
          name: '山田',
          order: 9,
          group: '説明員',
        },
      ],
      meetings: b.meetings.map((m) =>
        m.number === 2
          ? {
              ...m,
              staffPresent: [...m.staffPresent, 'st-x'],
              otherAttendees: [{ id: 'o1', group: '報道関係', text: '2社' }],
            }
          : m,
      ),
    };
  };

  it('prints ◎/○ by the titles, the speaker pattern with {役職}, and each group of other attendees', async () => {
    const preset = structuredClone(MINUTES_STYLE_PRESETS.find((p) => p.name === '発言者別（番号付き）')!);
    preset.speaker.pattern = '{記号}{姓}{役職}';
    preset.attendance.others = { layout: 'own-rows', order: ['報道関係'] };
    const texts = paragraphs((await exportWith(preset, 'internal', undefined, council)).xml);
    const flat = texts.join('\n');
    expect(flat).toContain('○大久保、河（専門委員）、河﨑、菅原、畠中');
    expect(flat).toContain('◎井澤');
    expect(flat).toContain('○河専門委員　やめることを決めないと');
    // Rows of their own after the 事務局: 報道関係 first (the style's order), then 説明員, not among the 事務局.
    const rows = texts.filter((t) => /^\d+　/.test(t)).map((t) => t.replace(/^\d+　/, ''));
    const at = rows.findIndex((r) => r.startsWith('事務局職員\t'));
    expect(rows.slice(at + 1, at + 3)).toEqual(['報道関係\t2社', '説明員\t【都市計画課】山田課長']);
    expect(rows[at]).not.toContain('山田');
  });
});
