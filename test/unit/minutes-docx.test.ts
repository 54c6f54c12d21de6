import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildMinutesDocx } from '../../electron/services/minutes/docx';
import { checkMinutesRecords } from '../../electron/services/minutes/handlers';
import { MinutesExportArgs } from '../../shared/contract/minutes';
import { AppError } from '../../shared/errors';
import { sampleBundle, sampleInput, withSpeakersAndSecrets } from './minutes-helpers';
import { buildMinutesModel, paragraphText } from '../../shared/minutes/model';
import type { SpeakerLabelRule } from '../../shared/domain';

/** Paragraph texts of word/document.xml, in order (w:t joined per w:p). */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1]!)).join(''))
    .filter((t) => t.length > 0);
}
function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
/**
 * Table rows as [label, value] with the value's paragraphs joined by newlines; rows under a
 * merged label (the 会議内容 body, one row per paragraph) belong to the label above them.
 */
function headerRows(xml: string): Map<string, string> {
  const rows = new Map<string, string>();
  let last = '';
  for (const chunk of xml.split('</w:tr>').slice(0, -1)) {
    const row = chunk.slice(chunk.lastIndexOf('<w:tr'));
    const cells = row
      .split('</w:tc>')
      .slice(0, -1)
      .map((c) => paragraphs(c).join('\n'));
    if (cells.length !== 2) continue;
    if (cells[0] === '' && last && row.includes('w:vMerge')) {
      rows.set(last, [rows.get(last), cells[1]].filter(Boolean).join('\n'));
      continue;
    }
    rows.set(cells[0]!, cells[1]!);
    last = cells[0]!;
  }
  return rows;
}
const norm = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

async function unzipAll(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('string'));
  return out;
}

describe('会議録 .docx from the sample (第２回)', () => {
  it('has every header field as in the seed, in a real two-column table', async () => {
    const files = await unzipAll(await buildMinutesDocx(sampleInput(sampleBundle(), 'internal')));
    const xml = files.get('word/document.xml')!;
    expect(xml).toContain('<w:tbl>');
    const rows = headerRows(xml);
    expect([...rows.keys()]).toEqual([
      '会議の名称',
      '開催日時',
      '開催場所',
      '出席委員',
      '欠席委員',
      '事務局職員',
      '会議内容',
      '会議資料',
      '公開・非公開の別',
      'その他',
    ]);
    expect(rows.get('会議の名称')).toBe('第2回 飯塚市行政経営戦略推進審議会');
    expect(rows.get('開催日時')).toBe('令和5年7月7日（金） 13:30～15:30');
    expect(rows.get('開催場所')).toBe('オンライン（委員）、飯塚市役所7階委員会室（事務局）');
    expect(rows.get('出席委員')).toBe('大久保副会長、河委員、河﨑委員、菅原委員、畠中委員');
    expect(rows.get('欠席委員')).toBe('井澤会長');
    expect(rows.get('事務局職員')).toBe(
      '【行政経営部】東部長\n【業務改善・ＤＸ推進課】中嶋課長、上田課長補佐、野見山係長、伊佐',
    );
    expect(rows.get('会議資料')).toBe(
      '１．飯塚市行政経営戦略推進ビジョン骨子案\n２．各分野の現状と課題及び想定される解決策',
    );
    expect(rows.get('公開・非公開の別')).toBe('公開\n（傍聴者 2人）');
    expect(files.get('docProps/core.xml')).toContain(
      '<dc:title>第2回 飯塚市行政経営戦略推進審議会 会議録（内部版）</dc:title>',
    );
    const styles = files.get('word/styles.xml')!;
    expect(styles).toContain('w:eastAsia="ＭＳ 明朝"');
    expect(styles).toContain('w:eastAsia="ＭＳ ゴシック"');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect([...files.keys()].some((f) => /word\/footer\d*\.xml/.test(f))).toBe(true);
  });

  it('matches seed 004: header values, section order and the opinions by field', async () => {
    const seed = readFileSync(new URL('./fixtures/seed004-minutes.txt', import.meta.url), 'utf8');
    const xml = (await unzipAll(await buildMinutesDocx(sampleInput(sampleBundle(), 'internal')))).get(
      'word/document.xml',
    )!;
    const rows = headerRows(xml);
    // Header values (the fixture is reference 004, docs/CONVENTIONS.md §9; its PDF spaces
    // removed, full/half width folded).
    for (const label of ['開催日時', '開催場所', '出席委員', '欠席委員', '事務局職員']) {
      for (const line of rows.get(label)!.split('\n')) expect(norm(seed)).toContain(norm(line));
    }
    expect(norm(seed)).toContain(norm(rows.get('会議資料')!));
    expect(norm(seed)).toContain(norm('（傍聴者 2人）'));
    // Section order: the seed's headings with their numbers taken off (the seed numbers 議題１ as ２ by mistake).
    const seedHeadings = [...seed.slice(0, seed.indexOf('会議資料')).matchAll(/^[１-９] (.+?) ?$/gm)].map((m) =>
      norm(m[1]!),
    );
    const ours = paragraphs(xml)
      .filter((p) => /^[１-９] /.test(p))
      .map((p) => norm(p.slice(2)));
    expect(ours).toEqual(seedHeadings);
    // Opinions of 議題１ by field.
    const part = seed.slice(seed.indexOf('＜各委員から出された主な意見＞'), seed.indexOf('３ 議題２'));
    const seedByField = new Map<string, string[]>();
    let field = '';
    let current: string[] | null = null;
    for (const line of part.split('\n').slice(1)) {
      if (!line.trim()) continue;
      if (/^\s/.test(line)) {
        const text = line.trim();
        if (['行政施策', 'ＤＸ推進', '財務', '人材育成', '働き方改革', '経営'].includes(text)) {
          field = norm(text);
          seedByField.set(field, []);
          current = null;
          continue;
        }
        current = [text];
        seedByField.get(field)!.push('');
      } else if (!current) continue;
      const list = seedByField.get(field)!;
      list[list.length - 1] = norm(list[list.length - 1]! + line);
    }
    const body = paragraphs(xml);
    const start = body.findIndex((p) => p.startsWith('３ 議題１'));
    const end = body.findIndex((p) => p.startsWith('４ 議題２'));
    const oursByField = new Map<string, string[]>();
    for (const p of body.slice(start + 1, end)) {
      if (p.startsWith('■')) {
        field = norm(p.slice(1));
        oursByField.set(field, []);
      } else if (p.startsWith('・')) oursByField.get(field)!.push(norm(p.slice(1)));
    }
    expect([...oursByField.keys()]).toEqual([...seedByField.keys()]);
    expect(oursByField).toEqual(seedByField);
    // 議題２: the question, the answer as ⇒ …（市回答）, the decision.
    const agenda2 = body.slice(
      end + 1,
      body.findIndex((p) => p.startsWith('５ ')),
    );
    expect(agenda2.map(norm)).toEqual([
      norm('＜各委員から出された主な意見＞'),
      norm('・推進体制のところで市民参画というのは何を想定しているか。'),
      norm('⇒素案について市民意見の募集をする予定であり、市民参画の機会を設けたいということである。（市回答）'),
      norm('・第３回審議会においてビジョン素案を提案することで異議なし。'),
    ]);
  });

  it('marks the 確認用 copy 「案」 on every page', async () => {
    const files = await unzipAll(await buildMinutesDocx(sampleInput(sampleBundle(), 'review')));
    const headers = [...files.entries()]
      .filter(([n]) => /word\/header\d*\.xml/.test(n))
      .map(([, x]) => paragraphs(x).join(''));
    expect(headers).toContain('案');
    expect(paragraphs(files.get('word/document.xml')!)[0]).toBe('会議録（案）');
  });
});

describe('the Word body is the model the preview shows', () => {
  it('prints the same headings, labels and omissions, paragraph by paragraph', async () => {
    const b = withSpeakersAndSecrets(sampleBundle());
    for (const style of ['summary', 'speaker'] as const) {
      const input = { ...sampleInput(b, 'public', 'letter'), style };
      const model = buildMinutesModel(input);
      const expected = model.sections.flatMap((s) => [
        s.heading,
        ...s.paragraphs.map((p) => (p.kind === 'field' ? `■${p.text}` : paragraphText(p))),
      ]);
      const body = paragraphs((await unzipAll(await buildMinutesDocx(input))).get('word/document.xml')!);
      const start = body.indexOf('会議内容') + 1;
      expect(body.slice(start, start + expected.length)).toEqual(expected);
      expect(body[start + expected.length]).toBe('会議資料');
    }
  });
});

describe('no leaks in a 公開版', () => {
  for (const rule of ['letter', 'role', 'bracket'] as SpeakerLabelRule[]) {
    it(`has no non-public text and no hidden name in any part of the package (${rule}, both styles)`, async () => {
      const b = withSpeakersAndSecrets(sampleBundle());
      for (const style of ['summary', 'speaker'] as const) {
        const input = sampleInput(b, 'public', rule);
        input.minutes = { ...input.minutes!, style };
        input.meeting = {
          ...input.meeting,
          disclosure: '一部公開',
          disclosureReason: '用地の選定に関する情報を含むため',
        };
        const files = await unzipAll(await buildMinutesDocx(input));
        expect(files.has('word/document.xml')).toBe(true);
        expect(files.has('docProps/core.xml')).toBe(true);
        const secrets = input.remarks.filter((r) => r.nonPublic).map((r) => r.text);
        expect(secrets.length).toBeGreaterThan(3);
        for (const [name, content] of files) {
          for (const secret of secrets)
            expect(content, `${name} contains non-public text`).not.toContain(secret.slice(0, 12));
          for (const m of b.members) {
            if (m.name.length >= 2) expect(content, `${name} contains ${m.name}`).not.toContain(m.name);
            // 河 is one character: no 河 at all (the sample has no other 河), and no 河委員.
            else expect(content, `${name} contains ${m.name}`).not.toContain(m.name);
          }
        }
        const body = paragraphs(files.get('word/document.xml')!).join('\n');
        expect(body).toContain('用地の選定に関する情報を含むため');
        if (style === 'speaker' && rule === 'letter') expect(body).toContain('○A委員');
        if (style === 'speaker' && rule === 'bracket') expect(body).toContain('【委員】');
        // The 内部版 of the same records does carry them (so the test can fail).
        const internal = await unzipAll(await buildMinutesDocx({ ...input, mode: 'internal' }));
        expect(internal.get('word/document.xml')).toContain('用地買収');
        expect(internal.get('word/document.xml')).toContain('大久保');
      }
    });
  }

  it('main refuses records that do not belong together', () => {
    const b = sampleBundle();
    const input = sampleInput(b, 'public');
    const other = b.remarks.find((r) => r.meetingId !== input.meeting.id)!;
    const args = MinutesExportArgs.parse({ ...input, remarks: [...input.remarks, other] });
    expect(() => checkMinutesRecords(args)).toThrow(AppError);
    expect(MinutesExportArgs.safeParse({ ...input, model: {} }).success).toBe(false);
  });
});
