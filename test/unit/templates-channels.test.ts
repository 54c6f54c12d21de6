/** The template channels through the real dispatcher and handlers, with a recording platform (no dialogs). */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { dispatch as rawDispatch, type Handlers } from '../../electron/core/dispatch';
import type { ArgOf, Channel, ResultOf } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { createHandlers } from '../../electron/main/handlers';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { buildStarterTemplate } from '../../electron/services/templates/starter';
import { testServiceContext } from './service-context';

/** The dispatcher, typed by channel for the test. */
const dispatch = <C extends Channel>(handlers: Handlers, channel: C, arg: ArgOf<C>) =>
  rawDispatch(handlers, channel, arg) as Promise<Envelope<ResultOf<C>>>;

function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'templates-ch-'));
  mkdirSync(path.join(root, 'exports'));
  const ctx = testServiceContext(root, { dataDir: path.join(root, 'data'), appVersion: 'test' });
  return { root, ctx, handlers: createHandlers(ctx) };
}

const text = async (file: string) => {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

describe('template channels', () => {
  it('download a starter, upload it, export 「テンプレートで出力」, list and remove it', async () => {
    const { ctx, handlers } = setup();
    const b = buildSampleCouncil();
    const starter = await dispatch(handlers, 'template:export:starter', { kind: 'agenda', council: b.council });
    if (!starter.ok) throw new Error(starter.error.message);
    expect(starter.value.name).toBe('テンプレート_会議次第.docx');
    expect(await text(starter.value.path)).toContain('{#次第}');

    const uploaded = await dispatch(handlers, 'template:upload:docx', {
      kind: 'agenda',
      fileName: '市の次第.docx',
      base64: readFileSync(starter.value.path).toString('base64'),
      replaces: null,
    });
    if (!uploaded.ok) throw new Error(uploaded.error.message);
    const attachments = path.join(ctx.dataDir, 'attachments');
    expect(readdirSync(attachments)).toEqual([uploaded.value.storedName]);

    const meeting = b.meetings.find((m) => m.number === 2)!;
    const out = await dispatch(handlers, 'template:export:document', {
      kind: 'agenda',
      storedName: uploaded.value.storedName,
      council: b.council,
      meeting,
    });
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.name).toBe('飯塚市行政経営戦略推進審議会_第2回_会議次第_テンプレート.docx');
    const body = await text(out.value.path);
    expect(body).toContain('第2回 飯塚市行政経営戦略推進審議会');
    expect(body).toContain('（1）各分野の現状と課題及び想定される解決策について');
    expect(body).not.toContain('{');

    const listed = await dispatch(handlers, 'template:list:files', { templates: [uploaded.value] });
    expect(listed).toMatchObject({ ok: true, value: [{ present: true, kindLabel: '会議次第' }] });
    expect(await dispatch(handlers, 'template:remove:file', { storedName: uploaded.value.storedName })).toEqual({
      ok: true,
      value: {},
    });
    expect(readdirSync(attachments)).toEqual([]);

    const guide = await dispatch(handlers, 'template:export:guide', {});
    expect(guide).toMatchObject({ ok: true, value: { name: 'テンプレートの作り方.docx' } });
  });

  it('refuse a bad template with the tag and its place, and write nothing', async () => {
    const { ctx, handlers } = setup();
    // The starter with one tag the 次第 does not have, typed into its first paragraph.
    const zip = await JSZip.loadAsync(await buildStarterTemplate('agenda'));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('{会議名}', '{会議名}{差出人}'));
    const res = await dispatch(handlers, 'template:upload:docx', {
      kind: 'agenda',
      fileName: '次第.docx',
      base64: Buffer.from(await zip.generateAsync({ type: 'uint8array' })).toString('base64'),
      replaces: null,
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    if (res.ok) return;
    expect(res.error.message).toContain('本文 1段落目の「{差出人}」：このテンプレートでは使えないタグです');
    expect(() => readdirSync(path.join(ctx.dataDir, 'attachments'))).toThrow();
    const corrupt = await dispatch(handlers, 'template:upload:docx', {
      kind: 'agenda',
      fileName: '次第.docx',
      base64: Buffer.from('PK not really').toString('base64'),
      replaces: null,
    });
    expect(corrupt).toMatchObject({ ok: false, error: { code: 'INVALID_FILE' } });
    expect(
      await dispatch(handlers, 'template:export:document', {
        kind: 'agenda',
        storedName: '../settings.json',
        council: buildSampleCouncil().council,
        meeting: buildSampleCouncil().meetings[0]!,
      } as never),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
