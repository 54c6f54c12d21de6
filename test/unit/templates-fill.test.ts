import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildMinutesDocx } from '../../electron/services/minutes/docx';
import { buildStarterTemplate } from '../../electron/services/templates/starter';
import { fillTemplate, checkTemplate } from '../../electron/services/templates/fill';
import { bundleSource, templateData } from '../../electron/services/templates/data';
import { exportSource, fillForExport, templateOutputName } from '../../electron/services/templates/handlers';
import { TemplateStore } from '../../electron/services/templates/store';
import { SAMPLE_PRODUCERS } from '../../electron/services/exports/samples';
import { buildTemplateGuide } from '../../electron/services/templates/guide';
import { TemplateExportArgs } from '../../shared/contract/templates';
import { AppError } from '../../shared/errors';
import { agendaOutline } from '../../shared/agenda';
import { prepareOpinions } from '../../shared/opinions/publication';
import { flattenTags, TEMPLATE_KINDS, templateTags, type TagSpec } from '../../shared/templates/tags';
import type { SpeakerLabelRule } from '../../shared/domain';
import { sampleBundle, sampleInput, withSpeakersAndSecrets } from './minutes-helpers';

// ------------------------------------------------------------ reading a .docx, independently of the code under test

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
/** Paragraph texts (w:t joined per w:p), empty ones dropped. */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[1] === undefined ? '\n' : unescape(m[1])))
        .join(''),
    )
    .filter((t) => t.length > 0);
}
/** Rows of every table: cells as their paragraphs joined with newlines. */
function tableRows(xml: string): string[][] {
  return xml
    .split('</w:tr>')
    .slice(0, -1)
    .map((chunk) =>
      chunk
        .slice(chunk.lastIndexOf('<w:tr'))
        .split('</w:tc>')
        .slice(0, -1)
        .map((c) => paragraphs(c).join('\n').trim()),
    );
}
async function unzipAll(data: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(data);
  const out = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) out.set(name, await file.async('string'));
  return out;
}
const documentXml = async (data: Uint8Array) => (await unzipAll(data)).get('word/document.xml')!;

// ------------------------------------------------------------ a template typed by hand

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
async function handmade(body: string): Promise<Uint8Array> {
  const z = new JSZip();
  z.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  z.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  z.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
  );
  return z.generateAsync({ type: 'uint8array' });
}
const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
const tc = (inner: string) => `<w:tc>${inner}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.map(tc).join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl>${rows.join('')}</w:tbl>`;
/** {会議名} typed as 「{会議」 in bold and 「名}」 in italic, with Word's proofing mark between. */
const splitTag =
  '<w:p><w:r><w:t xml:space="preserve">名称：</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{会議</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/><w:color w:val="FF0000"/></w:rPr><w:t>名}</w:t></w:r><w:proofErr w:type="spellEnd"/></w:p>';

/** Every tag of a kind, loops nesting their children. */
function everyTag(tags: TagSpec[]): string {
  return tags
    .map((t) =>
      t.children ? p(`{#${t.name}}`) + everyTag(t.children) + p(`{/${t.name}}`) : p(`【${t.name}】{${t.name}}`),
    )
    .join('');
}

const sample = sampleBundle();

describe('starter templates filled with the sample meeting', () => {
  /** Rows whose label cell continues a merged label (empty) are joined to the row above. */
  const joinMergedRows = (rows: string[][]) =>
    rows.reduce<string[][]>((out, row) => {
      const last = out[out.length - 1];
      if (row[0] === '' && last) last[1] = [last[1], row[1]].filter(Boolean).join('\n');
      else out.push([...row]);
      return out;
    }, []);

  it('会議録: the header table has the same rows, in the same order, as the built-in 会議録', async () => {
    for (const [kind, mode] of [
      ['minutes-public', 'public'],
      ['minutes-internal', 'internal'],
      ['minutes-review', 'review'],
    ] as const) {
      const { data, hidden } = templateData(bundleSource(sample, kind));
      const out = await documentXml(await fillTemplate(kind, await buildStarterTemplate(kind), data, hidden));
      const builtIn = await documentXml(
        await buildMinutesDocx({ ...sampleInput(sample, mode), council: sample.council }),
      );
      const rows = tableRows(out);
      expect(rows.map((r) => r[0])).toEqual([
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
      // The built-in table gives each body paragraph its own row under a merged 会議内容 label.
      expect(rows).toEqual(joinMergedRows(tableRows(builtIn)));
      const body = rows.find((r) => r[0] === '会議内容')![1]!;
      expect(body).toContain('３ 議題１ 各分野の現状と課題及び想定される解決策について');
      expect(body).toContain('＜各委員から出された主な意見＞');
      expect(out).not.toMatch(/\{[#/]?[^}<]*\}/);
      // Loop tags on lines of their own leave no empty paragraphs behind.
      const cell = out.slice(out.indexOf('会議内容'), out.indexOf('会議資料'));
      const all = cell.match(/<w:p\/>|<w:p[\s>]/g)!.length;
      expect(all - 1).toBe(body.split('\n').length);
      expect(paragraphs(out)).toContain(mode === 'review' ? '会議録（案）' : '会議録');
    }
  });

  it('次第: the numbered outline, its （１）（２） under 議題, and the materials', async () => {
    const { data } = templateData(bundleSource(sample, 'agenda'));
    const out = paragraphs(await documentXml(await fillTemplate('agenda', await buildStarterTemplate('agenda'), data)));
    const meeting = sample.meetings.find((m) => m.id === sample.minutes[0]!.meetingId)!;
    const outline = agendaOutline(meeting.agenda, sample.council.publication.digitWidth);
    const expected = outline.flatMap((l) => [
      `${l.number}　${l.text}`,
      ...l.children.map((c) => `${c.number}${c.text}`),
    ]);
    const start = out.indexOf(expected[0]!);
    expect(out.slice(start, start + expected.length)).toEqual(expected);
    expect(out).toContain('3　議題');
    expect(out).toContain('（1）各分野の現状と課題及び想定される解決策について');
    expect(out[0]).toBe('第2回 飯塚市行政経営戦略推進審議会');
    expect(out).toContain('資料1　飯塚市行政経営戦略推進ビジョン骨子案');
    expect(out.join('\n')).not.toContain('{');
  });

  it('意見対応表: one table row per opinion, the cells as prepareOpinions has them', async () => {
    const source = bundleSource(sample, 'responses');
    const { data } = templateData(source);
    const xml = await documentXml(await fillTemplate('responses', await buildStarterTemplate('responses'), data));
    const rows = tableRows(xml);
    const { rows: opinions } = prepareOpinions(source.kind === 'responses' ? source.data : (null as never), false);
    expect(opinions.length).toBeGreaterThan(50);
    expect(rows[0]).toEqual(['番号', '分野', '意見', '市の考え方', '反映状況', '該当箇所']);
    expect(rows.length).toBe(opinions.length + 1);
    const o = opinions[4]!;
    expect(rows[5]).toEqual([String(o.no), o.field || '分野未設定', o.summary, o.response, o.status, o.sections]);
    expect(paragraphs(xml)).toContainEqual(
      expect.stringMatching(
        new RegExp(`^意見総数 ${opinions.length}件　意見を出した委員 \\d+人　反映 \\d+件（未対応 \\d+件`),
      ),
    );
  });
});

describe('a hand-made template', () => {
  it('fills nested loops (議事 › 分野 › 意見 › 回答), a row loop, and a tag typed in two formats', async () => {
    const template = await handmade(
      splitTag +
        tbl(tr(p('氏名'), p('出欠')), tr(p('{#出席者}{氏名}'), p('{出欠}{/出席者}'))) +
        p('{#議事}') +
        p('■{見出し}') +
        p('') +
        p('{#分野}') +
        p('◆{分野名}') +
        p('{#意見}') +
        p('・{意見}') +
        p('{#回答}') +
        p('　⇒{回答}') +
        p('{/回答}') +
        p('{/意見}') +
        p('{/分野}') +
        p('{/議事}'),
    );
    const b = sample;
    const meeting = b.meetings.find((m) => m.id === b.minutes[0]!.meetingId)!;
    // An answer to the first opinion of 議題１, so the innermost loop has something to repeat.
    const first = b.remarks.find((r) => r.meetingId === meeting.id && r.kind === '意見')!;
    const answer = {
      ...first,
      id: 'answer-1',
      kind: '回答' as const,
      text: '検討します。',
      replyToId: first.id,
      order: first.order + 0.5,
      speaker: { type: 'secretariat' as const },
    };
    const input = { ...sampleInput(b, 'internal'), remarks: [...sampleInput(b, 'internal').remarks, answer] };
    const { minutes, council, members, staff, remarks } = input;
    const { data } = templateData({
      kind: 'minutes-internal',
      input: { council, members, staff, meeting, remarks, minutes },
    });
    const xml = await documentXml(await fillTemplate('minutes-internal', template, data));
    const text = paragraphs(xml);
    expect(text[0]).toBe('名称：第2回 飯塚市行政経営戦略推進審議会');
    // The split tag keeps the first run's formatting (bold) and is one run of text now.
    expect(xml).toMatch(/<w:b\/><\/w:rPr><w:t[^>]*>第2回 飯塚市行政経営戦略推進審議会<\/w:t>/);
    const rows = tableRows(xml);
    expect(rows[0]).toEqual(['氏名', '出欠']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['大久保副会長', '河委員', '河﨑委員', '菅原委員', '畠中委員']);
    const status = new Map(meeting.attendance.map((a) => [a.memberId, a.status]));
    expect(rows[1]![1]).toBe(status.get(b.members.find((m) => m.name === '大久保')!.id));
    const i = text.indexOf('■３ 議題１ 各分野の現状と課題及び想定される解決策について');
    expect(i).toBeGreaterThan(0);
    expect(text.slice(i + 1, i + 4)).toEqual(['◆行政施策', `・${first.text}`, '　⇒検討します。']);
    expect(text).toContain('◆DX推進');
    expect(text.filter((t) => t.startsWith('■'))).toHaveLength(meeting.agenda.length);
    // The empty paragraph typed under each heading stays; the loop tags' own lines go.
    const paras = xml.match(/<w:p\/>|<w:p[\s>][\s\S]*?<\/w:p>/g)!.map((x) => paragraphs(x).join(''));
    const heading = paras.indexOf('■１ 開会');
    expect(paras[heading + 1]).toBe('');
    expect(paras.filter((t) => t === '')).toHaveLength(meeting.agenda.length);
    expect(text.join('\n')).not.toMatch(/[{}]/);
  });
});

describe('loops with nothing to repeat', () => {
  it('leave a table cell with one empty paragraph (Word needs one) and keep the text around them', async () => {
    const template = await handmade(
      p('前') + tbl(tr(p('資料'), p('{#資料一覧}') + p('{番号}{資料名}') + p('{/資料一覧}'))) + p('後'),
    );
    const xml = await documentXml(await fillTemplate('agenda', template, { 資料一覧: [] }));
    expect(tableRows(xml)).toEqual([['資料', '']]);
    for (const cell of xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!) expect(cell).toMatch(/<w:p[\s>/]/);
    expect(paragraphs(xml)).toEqual(['前', '資料', '後']);
    expect(xml).not.toContain('\u2063');
  });
});

describe('templates the app refuses, with the tag and where it is', () => {
  const refuse = async (kind: (typeof TEMPLATE_KINDS)[number], template: Uint8Array) => {
    try {
      await checkTemplate(kind, template);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).message;
    }
    throw new Error('accepted');
  };

  it('an unknown tag, in a table cell', async () => {
    const msg = await refuse('agenda', await handmade(p('{会議名}') + tbl(tr(p('日時'), p('{開催日}')))));
    expect(msg).toContain('会議次第のテンプレートに直すところがあります。');
    expect(msg).toContain('表1 1行目 2列目の「{開催日}」：このテンプレートでは使えないタグです');
  });

  it('a loop never closed, and a close without an open', async () => {
    expect(await refuse('minutes-public', await handmade(p('{会議名}') + p('{#議事}') + p('{見出し}')))).toContain(
      '本文 2段落目の「{#議事}」：繰り返しが {/議事} で閉じられていません',
    );
    expect(await refuse('minutes-public', await handmade(p('{見出し}') + p('{/議事}')))).toContain(
      '本文 2段落目の「{/議事}」：対応する {#…} がない閉じタグです',
    );
  });

  it('a tag Word split over two paragraphs, a brace left open, full-width braces', async () => {
    const split = await refuse('agenda', await handmade(p('はじめ') + p('{会議') + p('名}')));
    expect(split).toContain('本文 2段落目の「{会議」');
    expect(split).toContain('同じ段落の中で続けて入力し直してください');
    expect(await refuse('agenda', await handmade(p('{日時} {場所')))).toContain(
      '本文 1段落目の「{場所」：タグとして読めません',
    );
    expect(await refuse('agenda', await handmade(p('｛会議名｝')))).toContain('本文 1段落目の「｛会議名｝」：全角の');
  });

  it('a loop tag used as a plain tag, and a plain tag used as a loop', async () => {
    const msg = await refuse('minutes-internal', await handmade(p('{議事}') + p('{#会議名}') + p('{/会議名}')));
    expect(msg).toContain('「{議事}」：繰り返しのタグです。{#議事} と {/議事} で囲んでください');
    expect(msg).toContain('「{#会議名}」：繰り返しではありません');
  });

  it('a tag of a loop used outside it', async () => {
    expect(await refuse('minutes-internal', await handmade(p('{本文}')))).toContain(
      '「{本文}」：このテンプレートでは使えないタグです',
    );
  });

  it('an unknown tag in the page header, and a starter accepted as it is', async () => {
    const withHeader = await JSZip.loadAsync(await buildStarterTemplate('agenda'));
    const headerName = Object.keys(withHeader.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const footer = await withHeader.file(headerName)!.async('string');
    withHeader.file(headerName, footer.replace('</w:ftr>', `${p('{作成者}')}</w:ftr>`));
    const msg = await refuse('agenda', await withHeader.generateAsync({ type: 'uint8array' }));
    expect(msg).toContain('フッター 2段落目の「{作成者}」：このテンプレートでは使えないタグです');
    for (const kind of TEMPLATE_KINDS)
      await expect(checkTemplate(kind, await buildStarterTemplate(kind))).resolves.toBeUndefined();
  });

  it('a corrupt file', async () => {
    const msg = await refuse('responses', new TextEncoder().encode('これは Word 文書ではありません'));
    expect(msg).toContain('意見対応表のテンプレートを読み込めませんでした');
    const noDocument = new JSZip();
    noDocument.file('hello.txt', 'x');
    expect(await refuse('responses', await noDocument.generateAsync({ type: 'uint8array' }))).toContain(
      '読み込めませんでした',
    );
  });
});

describe('stored among the attachments, only once it fills', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const newStore = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'templates-'));
    dirs.push(dir);
    return { dir, store: new TemplateStore(dir) };
  };

  it('writes nothing for a bad template; keeps, lists, replaces and removes a good one', async () => {
    const { dir, store } = newStore();
    const bad = await handmade(p('{会議名}') + p('{差出人}'));
    await expect(store.upload({ kind: 'agenda', fileName: '次第.docx', bytes: bad, replaces: null })).rejects.toThrow(
      '{差出人}',
    );
    expect(readdirSync(dir)).toEqual([]);
    await expect(store.upload({ kind: 'agenda', fileName: '次第.doc', bytes: bad, replaces: null })).rejects.toThrow(
      '.docx',
    );

    const good = await buildStarterTemplate('agenda');
    const first = await store.upload({ kind: 'agenda', fileName: '市の次第.docx', bytes: good, replaces: null });
    expect(first).toMatchObject({ kind: 'agenda', originalName: '市の次第.docx', size: good.byteLength });
    expect(readdirSync(dir)).toEqual([first.storedName]);
    const second = await store.upload({
      kind: 'agenda',
      fileName: '市の次第2.docx',
      bytes: good,
      replaces: first.storedName,
    });
    expect(readdirSync(dir)).toEqual([second.storedName]);
    expect(await store.list([first, second])).toMatchObject([
      { storedName: first.storedName, present: false, kindLabel: '会議次第' },
      { storedName: second.storedName, present: true },
    ]);
    expect(await store.read(second.storedName)).toEqual(good);
    await store.remove(second.storedName);
    expect(readdirSync(dir)).toEqual([]);
    await expect(store.read(second.storedName)).rejects.toThrow('見つかりません');
  });

  it('the export channel argument: the minutes records must belong together; the file is named as the built-in one + _テンプレート', async () => {
    const input = sampleInput(sample, 'public');
    const { mode: _m, ...records } = input;
    void _m;
    const args = TemplateExportArgs.parse({
      kind: 'minutes-public',
      storedName: '00000000-0000-4000-8000-000000000000.docx',
      ...records,
    });
    expect(templateOutputName(args)).toBe('第2回_会議録_公開版_テンプレート.docx');
    const other = sample.remarks.find((r) => r.meetingId !== input.meeting.id)!;
    const mixed = TemplateExportArgs.parse({ ...args, remarks: [...records.remarks, other] });
    expect(() => exportSource(mixed)).toThrow('組み合わせが正しくありません');
    expect(TemplateExportArgs.safeParse({ ...args, mode: 'internal' }).success).toBe(false);
  });
});

describe('no leaks in a 公開版 filled into a template', () => {
  for (const rule of ['letter', 'role', 'bracket'] as SpeakerLabelRule[]) {
    it(`a template with every tag carries no non-public text and no hidden name (${rule}, both styles)`, async () => {
      const b = withSpeakersAndSecrets(sampleBundle());
      const template = await handmade(everyTag(templateTags('minutes-public')));
      for (const style of ['summary', 'speaker'] as const) {
        const input = sampleInput(b, 'public', rule);
        input.minutes = { ...input.minutes!, style };
        input.meeting = {
          ...input.meeting,
          disclosure: '一部公開',
          disclosureReason: '用地の選定に関する情報を含むため',
        };
        const { mode: _m, ...records } = input;
        void _m;
        const args = TemplateExportArgs.parse({
          kind: 'minutes-public',
          storedName: '00000000-0000-4000-8000-000000000000.docx',
          ...records,
        });
        for (const t of [template, await buildStarterTemplate('minutes-public')]) {
          const files = await unzipAll(await fillForExport(t, args));
          const secrets = input.remarks.filter((r) => r.nonPublic).map((r) => r.text);
          expect(secrets.length).toBeGreaterThan(3);
          for (const [name, content] of files) {
            for (const secret of secrets)
              expect(content, `${name} contains non-public text`).not.toContain(secret.slice(0, 12));
            for (const m of b.members) expect(content, `${name} contains ${m.name}`).not.toContain(m.name);
          }
          const body = paragraphs(files.get('word/document.xml')!).join('\n');
          expect(body).toContain('用地の選定に関する情報を含むため');
          expect(body).toContain('※この項目は非公開のため掲載していません。');
        }
        // The 内部版 of the same records through the same template does carry them (so the test can fail).
        const internal = await unzipAll(
          await fillForExport(template, { ...args, kind: 'minutes-internal' } as TemplateExportArgs),
        );
        expect(internal.get('word/document.xml')).toContain('用地買収');
        expect(internal.get('word/document.xml')).toContain('大久保');
      }
    });
  }
});

describe('「テンプレートの作り方」', () => {
  it('lists every tag of every kind with an example value from the sample', async () => {
    const rows = tableRows(await documentXml(await buildTemplateGuide()));
    for (const kind of TEMPLATE_KINDS) {
      for (const { spec } of flattenTags(templateTags(kind))) {
        const tag = spec.children ? `{#${spec.name}}` : `{${spec.name}}`;
        expect(
          rows.some((r) => r[0]!.includes(tag)),
          `${kind} ${tag}`,
        ).toBe(true);
      }
    }
    const row = (tag: string) => rows.find((r) => r[0] === tag)!;
    expect(row('{日時}')[2]).toBe('令和5年7月7日（金） 13:30～15:30');
    expect(row('{会議名}')[2]).toBe('第2回 飯塚市行政経営戦略推進審議会');
    expect(rows.find((r) => r[0]!.endsWith('{本文}'))![2]).toContain('大久保副会長が議事進行');
  });
});

describe('npm run samples', () => {
  it('writes the 公開版 会議録 from the starter template, and the guide', async () => {
    const docs = SAMPLE_PRODUCERS.flatMap((producer) => producer(sample));
    const filled = docs.find((d) => d.fileName === '第2回_会議録_公開版_テンプレート.docx')!;
    expect(docs.map((d) => d.fileName)).toContain('テンプレートの作り方.docx');
    const rows = tableRows(await documentXml(await filled.build()));
    expect(rows[0]).toEqual(['会議の名称', '第2回 飯塚市行政経営戦略推進審議会']);
    expect(rows.find((r) => r[0] === '会議内容')![1]).toContain('１ 開会');
  });
});
