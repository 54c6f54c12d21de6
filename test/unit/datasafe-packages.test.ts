/**
 * Data you can get back: backups that keep attachments and are read back (older formats
 * too, newer refused), council packages (.shingikai) moved to another PC, the import
 * preview's classification, and the CLI on the sample package.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { datasafeHandlers, newUploadId } from '../../electron/services/datasafe-handlers';
import {
  listBackups,
  parseBackup,
  readBackup,
  restoreBackupAttachments,
  writeBackup,
} from '../../electron/services/backups';
import { readPackage, writePackage } from '../../electron/services/package';
import { SAMPLE_PRODUCERS } from '../../electron/services/exports/samples';
import type { ServiceContext } from '../../electron/core/context';
import { testServiceContext } from './service-context';
import { TableRecordsSchema } from '../../shared/contract/datasafe';
import {
  bundlesToTables,
  classifyImport,
  classifyRecord,
  recordFingerprint,
  recordsByCouncil,
  tablesToBundles,
  type TableRecords,
} from '../../shared/package';
import { buildSampleActionPlan } from '../../resources/sample/actions';
import type { CouncilBundle } from '../../shared/domain';
import { AppError } from '../../shared/errors';
import { runCli } from '../../scripts/cli';
import { dexieExportJson } from './dexie-export';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sgd-pkg-'));

function ctxFor(dir: string): ServiceContext {
  return testServiceContext(dir);
}

/** The sample council with one attached PDF kept in `dataDir/attachments`. */
function sampleWithAttachment(dataDir: string) {
  const bundle = buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' });
  const storedName = `${randomUUID()}.pdf`;
  const content = `%PDF-1.4 資料1 ${'x'.repeat(50_000)}`;
  mkdirSync(path.join(dataDir, 'attachments'), { recursive: true });
  writeFileSync(path.join(dataDir, 'attachments', storedName), content);
  bundle.meetings[0]!.materials = [
    { id: randomUUID(), label: '資料1', title: '第2回資料', file: { storedName, originalName: '資料1.pdf', size: 5 } },
  ];
  return { bundle, tables: bundlesToTables([bundle]), storedName, content };
}

const dexieExport = dexieExportJson;

async function upload(h: ReturnType<typeof datasafeHandlers>, file: string): Promise<string> {
  const id = newUploadId();
  const data = readFileSync(file);
  const size = 64 * 1024;
  for (let i = 0, index = 0; i === 0 || i < data.length; i += size, index++) {
    await h['package:upload:chunk']({
      uploadId: id,
      index,
      base64: data.subarray(i, i + size).toString('base64'),
      last: i + size >= data.length,
    });
  }
  return id;
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe('council packages (.shingikai)', () => {
  it('moves a council with its attachment to another PC: records and file come back identical', async () => {
    const here = tmp();
    const { tables, storedName, content } = sampleWithAttachment(here);
    const saved = await datasafeHandlers(ctxFor(here))['package:write']({ tables, schemaVersion: 1 });
    expect(saved.file.name).toBe('飯塚市行政経営戦略推進審議会.shingikai');
    expect(saved.manifest).toMatchObject({ format: 'shingikai-package', formatVersion: 1, appVersion: '0.1.0' });
    expect(saved.manifest.counts).toMatchObject({ councils: 1, members: 6, meetings: 3, opinions: 94, remarks: 61 });
    expect(Object.keys(saved.manifest.files)).toEqual(['records.json', `attachments/${storedName}`]);
    expect(saved.missingAttachments).toEqual([]);

    const there = tmp();
    const h = datasafeHandlers(ctxFor(there));
    const id = await upload(h, saved.file.path);
    const read = await h['package:read']({ uploadId: id, fileName: saved.file.name });
    expect(read.tables).toEqual(JSON.parse(JSON.stringify(tables)));
    expect(read.manifest.councils).toEqual([{ id: tables.councils![0]!.id, name: '飯塚市行政経営戦略推進審議会' }]);
    expect(existsSync(path.join(there, 'attachments', storedName))).toBe(false); // nothing before confirming
    expect(await h['package:install:files']({ uploadId: id })).toEqual({ attachments: 1, councilFiles: 0 });
    expect(readFileSync(path.join(there, 'attachments', storedName), 'utf8')).toBe(content);
    await h['package:discard']({ uploadId: id });
    expect(readdirSync(path.join(there, 'incoming'))).toEqual([]);
  });

  it('refuses a package whose attachment changed, naming the file', async () => {
    const here = tmp();
    const { tables, storedName } = sampleWithAttachment(here);
    const file = path.join(here, 'p.shingikai');
    await writePackage(file, {
      tables,
      schemaVersion: 1,
      appVersion: '0.1.0',
      dataDir: here,
      attachmentsDir: path.join(here, 'attachments'),
    });
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('資料1'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 10] = 'y'.charCodeAt(0);
    writeFileSync(file, bytes);
    const e = await errorOf(readPackage(file, path.join(here, 'stage')));
    expect(e?.code).toBe('INVALID_FILE');
    expect(e?.message).toContain(`「attachments/${storedName}」の内容が目録と一致しません`);
  });

  const manifest = (files: Record<string, { size: number; sha256: string }>, formatVersion = 1) =>
    strToU8(
      JSON.stringify({
        format: 'shingikai-package',
        formatVersion,
        appVersion: '9.0.0',
        createdAt: '2030-01-01T00:00:00.000Z',
        schemaVersion: 1,
        councils: [],
        counts: {},
        files,
      }),
    );
  const zeroHash = '0'.repeat(64);

  it('refuses a package from a newer app version with a clear message', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'n.shingikai'), zipSync({ 'manifest.json': manifest({}, 2) }));
    const e = await errorOf(readPackage(path.join(dir, 'n.shingikai'), path.join(dir, 's')));
    expect(e?.message).toMatch(/新しい版の審議会デスク（形式 2）.*最新版に更新/);
  });

  it('stops an entry at the size the manifest declares (a zip bomb), and refuses unknown names', async () => {
    const dir = tmp();
    const bomb = zipSync(
      {
        'manifest.json': manifest({ 'records.json': { size: 20, sha256: zeroHash } }),
        'records.json': new Uint8Array(30 * 1024 * 1024),
      },
      { level: 6 },
    );
    writeFileSync(path.join(dir, 'b.shingikai'), bomb);
    const e = await errorOf(readPackage(path.join(dir, 'b.shingikai'), path.join(dir, 's')));
    expect(e?.message).toMatch(/「records\.json」が目録の大きさを超えています/);

    writeFileSync(
      path.join(dir, 'e.shingikai'),
      zipSync({ 'manifest.json': manifest({}), '../../evil.exe': strToU8('MZ') }),
    );
    const evil = await errorOf(readPackage(path.join(dir, 'e.shingikai'), path.join(dir, 's2')));
    expect(evil?.message).toMatch(/想定外のファイル/);
    expect(existsSync(path.join(dir, 'evil.exe'))).toBe(false);
  });
});

describe('action plans travel with their council', () => {
  it('a package of the sample council carries its action plan, actions and progress, and reads back as a bundle', () => {
    const bundle = buildSampleCouncil();
    const sample = buildSampleActionPlan(bundle, { now: '2026-01-01T00:00:00.000Z' });
    const tables = bundlesToTables([{ ...bundle, actionPlans: [sample] } as CouncilBundle]);
    expect(tables.actionPlans).toHaveLength(1);
    expect(tables.actions).toHaveLength(sample.actions.length);
    expect(tables.progress).toHaveLength(sample.progress.length);
    const councils = recordsByCouncil(tables);
    expect(councils.get(bundle.council.id)!.progress).toHaveLength(sample.progress.length);
    const [back] = tablesToBundles(tables) as { actionPlans?: unknown[] }[];
    expect(back!.actionPlans).toEqual(
      [sample.plan].map((plan) => ({ plan, actions: sample.actions, progress: sample.progress })),
    );
  });
});

describe('import preview: classifyImport', () => {
  const council = (id: string, extra: object = {}) => ({
    id,
    name: `審議会${id}`,
    updatedAt: '2025-01-01T00:00:00Z',
    rev: 1,
    ...extra,
  });
  const member = (id: string, councilId: string, extra: object = {}) => ({
    id,
    councilId,
    name: '委員',
    rev: 1,
    updatedAt: '2025-01-01T00:00:00Z',
    ...extra,
  });

  it('says per record and per council: new, update, conflict, unchanged', () => {
    const local: TableRecords = {
      councils: [council('a'), council('b'), council('c')],
      members: [
        member('m1', 'a'),
        member('m2', 'b', { name: '甲', rev: 2, updatedAt: '2025-02-01T00:00:00Z' }),
        member('m3', 'c'),
        member('m4', 'c', { name: 'ここだけ' }),
      ],
    };
    const incoming: TableRecords = {
      councils: [council('a'), council('b'), council('c'), council('d')],
      members: [
        member('m1', 'a', { name: '新しい名前', rev: 2, updatedAt: '2025-03-01T00:00:00Z' }),
        member('m2', 'b', { name: '乙', rev: 2, updatedAt: '2025-02-02T00:00:00Z' }),
        member('m3', 'c'),
        member('m5', 'd'),
      ],
    };
    const byId = Object.fromEntries(classifyImport(local, incoming).map((p) => [p.councilId, p]));
    expect(byId.a).toMatchObject({ status: 'update', counts: { update: 1, unchanged: 1 } });
    expect(byId.b).toMatchObject({ status: 'conflict', counts: { conflict: 1, unchanged: 1 } });
    expect(byId.c).toMatchObject({ status: 'unchanged', localOnly: 1 });
    expect(byId.d).toMatchObject({ status: 'new', counts: { new: 2 } });
    expect(byId.a!.records).toContainEqual({ table: 'members', id: 'm1', action: 'update' });
  });

  it('uses the common rev when known: both changed since → conflict; only here → older', () => {
    const local = member('m', 'a', { name: 'ここで直した', rev: 3 });
    const incoming = member('m', 'a', { name: 'あちらで直した', rev: 4, updatedAt: '2025-05-01T00:00:00Z' });
    expect(classifyRecord(local, incoming, 2)).toBe('conflict');
    expect(classifyRecord(local, incoming, 3)).toBe('update');
    expect(classifyRecord(member('m', 'a', { rev: 5, name: 'x' }), incoming, 4)).toBe('older');
    // Records from before revs: updatedAt alone; no stamps and other content → conflict.
    expect(classifyRecord({ id: 'x', updatedAt: '2025-01-01' }, { id: 'x', updatedAt: '2025-02-01', t: 1 })).toBe(
      'update',
    );
    expect(classifyRecord({ id: 'x', name: 'a' }, { id: 'x', name: 'b' })).toBe('conflict');
  });

  it('uses the content both PCs last shared when known: who changed decides, key order does not', () => {
    const shared = recordFingerprint({ name: '共有した名前', id: 'm' });
    const base = { id: 'm', name: '共有した名前' };
    const here = { id: 'm', name: 'ここで直した' };
    const there = { id: 'm', name: 'あちらで直した' };
    expect(recordFingerprint(base)).toBe(shared);
    expect(classifyRecord(here, there, null, shared)).toBe('conflict');
    expect(classifyRecord(base, there, null, shared)).toBe('update');
    expect(classifyRecord(here, base, null, shared)).toBe('older');
    // Without the shared content the same pair can only be called a conflict.
    expect(classifyRecord(here, base)).toBe('conflict');
  });
});

describe('the records a channel carries', () => {
  it('are plain objects per table, checked in place (not copied)', () => {
    const rows = [{ id: 'a', name: '委員' }];
    const ok = TableRecordsSchema.safeParse({ members: rows });
    expect(ok.success && ok.data.members).toBe(rows);
    for (const bad of [
      { members: [1] },
      { members: [null] },
      { members: [[]] },
      { members: {} },
      { ['x'.repeat(65)]: [] },
    ])
      expect(TableRecordsSchema.safeParse(bad).success).toBe(false);
  });
});

describe('backups: attachments kept, read back, older read, newer refused', () => {
  afterEach(() => vi.useRealTimers());

  it('back up, wipe, restore: every record and attachment is back', async () => {
    const data = tmp();
    const { tables, storedName, content } = sampleWithAttachment(data);
    const backups = path.join(data, 'backups');
    const attachments = path.join(data, 'attachments');
    const info = await writeBackup(backups, dexieExport(tables), 'manual', 20, new Date('2025-04-01T00:00:00Z'), {
      attachmentsDir: attachments,
      appVersion: '0.1.0',
    });
    rmSync(attachments, { recursive: true }); // the profile is wiped
    const read = await readBackup(backups, info.name, 1);
    expect(read).toMatchObject({ formatVersion: 2, appVersion: '0.1.0', schemaVersion: 1 });
    expect(read.tables).toEqual(JSON.parse(JSON.stringify(tables)));
    expect(read.councils).toEqual([
      expect.objectContaining({
        name: '飯塚市行政経営戦略推進審議会',
        counts: expect.objectContaining({ meetings: 3, remarks: 61 }),
      }),
    ]);
    expect(read.attachments).toEqual([{ storedName, size: Buffer.byteLength(content) }]);
    expect(await restoreBackupAttachments(backups, info.name, attachments)).toEqual({ restored: 1, missing: [] });
    expect(readFileSync(path.join(attachments, storedName), 'utf8')).toBe(content);
  });

  it('reads a backup of an older release (bare dexie export) and refuses newer formats clearly', async () => {
    const dir = tmp();
    const tables = bundlesToTables([buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' })]);
    const name = 'backup-20240101-000000-000-auto.json';
    writeFileSync(path.join(dir, name), dexieExport(tables));
    const old = await readBackup(dir, name);
    expect(old).toMatchObject({ formatVersion: 1, counts: expect.objectContaining({ opinions: 94 }) });

    const newer = JSON.stringify({ format: 'shingikai-backup', formatVersion: 3, db: JSON.parse(dexieExport(tables)) });
    expect(() => parseBackup('b.json', newer)).toThrow(/新しい版の審議会デスク（形式 3）で作られたため読み込めません/);
    expect(() => parseBackup('b.json', dexieExport(tables, 7), 2)).toThrow(/データベース 7/);
    expect(() => parseBackup('b.json', '{"hello":1}')).toThrow(/審議会デスクのバックアップではありません/);
  });

  it('rotation drops attachment copies no kept backup names', async () => {
    const data = tmp();
    const { tables, storedName } = sampleWithAttachment(data);
    const backups = path.join(data, 'backups');
    const opts = { attachmentsDir: path.join(data, 'attachments') };
    await writeBackup(backups, dexieExport(tables), 'auto', 1, new Date('2025-04-01T00:00:00Z'), opts);
    expect(readdirSync(path.join(backups, 'attachments'))).toEqual([storedName]);
    await writeBackup(backups, dexieExport({ councils: [] }), 'auto', 1, new Date('2025-04-02T00:00:00Z'), opts);
    expect((await listBackups(backups)).length).toBe(1);
    expect(readdirSync(path.join(backups, 'attachments'))).toEqual([]);
  });
});

describe('npm run cli', () => {
  it('check prints the format and counts of the sample package; a broken file exits 1 with a Japanese reason', async () => {
    const dir = tmp();
    const file = path.join(dir, 'サンプル審議会.shingikai');
    const tables = bundlesToTables([buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' })]);
    await writePackage(file, { tables, schemaVersion: 1, appVersion: '0.1.0', dataDir: dir, attachmentsDir: dir });
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((l: string) => void out.push(l));
    const err = vi.spyOn(console, 'error').mockImplementation((l: string) => void out.push(l));
    expect(await runCli(['check', file])).toBe(0);
    expect(out).toContain('形式の版: 1');
    expect(out).toContain('  opinions\t94');
    expect(out).toContain('審議会: 飯塚市行政経営戦略推進審議会');

    out.length = 0;
    const broken = path.join(dir, 'broken.shingikai');
    writeFileSync(broken, readFileSync(file).subarray(0, 2000));
    expect(await runCli(['check', broken])).toBe(1);
    expect(out.join('\n')).toMatch(
      /エラー: 「broken\.shingikai」は(壊れている|途中で切れている|審議会デスクのパッケージとして).*読み込めません/,
    );

    out.length = 0;
    const docs = path.join(dir, 'docs');
    expect(await runCli(['documents', file, docs])).toBe(0);
    const expected = SAMPLE_PRODUCERS.flatMap((p) => p(buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' }))).map(
      (d) => d.fileName,
    );
    expect(readdirSync(docs).sort()).toEqual([...expected].sort());
    log.mockRestore();
    err.mockRestore();
  }, 120_000);
});
