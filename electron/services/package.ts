/**
 * Council packages (.shingikai): one zip holding one or all councils — to move to another
 * PC, hand over to a successor, or archive a finished term.
 *
 *   manifest.json        first entry: format version, app version, created at, counts,
 *                        size and sha256 of every other entry (shared/package.ts)
 *   records.json         { tables: { councils: [...], members: [...], ... } }
 *   attachments/<name>   the attached files the records refer to
 *   councils/<id>/<name> the council's own files in <dataDir>/councils/<id> (minutes style, Word templates)
 *
 * Reading never trusts the file: the manifest comes first, so every later entry is
 * stopped as soon as it passes its declared size; sizes, checksums and counts must all
 * match, and nothing outside a staging folder is written until the renderer confirms.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { AppError } from '../../shared/errors';
import { STORED_NAME } from '../../shared/contract/councils';
import {
  countTables,
  PACKAGE_ENTRY_NAME,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PackageManifest,
  packageVersionProblem,
  referencedStoredNames,
  type PackageEntry,
  type TableRecords,
} from '../../shared/package';
import { fileErrorToAppError, syncDirectory } from './files';
import { GuardedUnzip, type ZipLimits } from './zip-guard';

export const PACKAGE_LIMITS: ZipLimits = {
  maxTotalBytes: 64 * 1024 * 1024 * 1024,
  maxEntryBytes: 1024 * 1024 * 1024 + 1,
  maxEntries: 200_000,
};
const MANIFEST_MAX_BYTES = 64 * 1024 * 1024;

export const councilFilesDir = (dataDir: string, councilId: string) =>
  path.join(dataDir, 'councils', councilId.replace(/[^A-Za-z0-9_-]/g, '_'));

interface SourceEntry {
  name: string;
  /** In memory, or a file on disk. */
  data?: Uint8Array;
  file?: string;
  compress: boolean;
}

async function hashFile(file: string): Promise<PackageEntry> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

export interface WritePackageInput {
  tables: TableRecords;
  schemaVersion: number;
  appVersion: string;
  dataDir: string;
  attachmentsDir: string;
  now?: Date;
}

export interface WrittenPackage {
  manifest: PackageManifest;
  bytes: number;
  /** Attachments the records name but the data folder no longer has. */
  missingAttachments: string[];
}

/** Writes a package to `target` atomically (a hidden .part file renamed at the end). */
export async function writePackage(target: string, input: WritePackageInput): Promise<WrittenPackage> {
  const records = new TextEncoder().encode(JSON.stringify({ tables: input.tables }));
  const entries: SourceEntry[] = [{ name: 'records.json', data: records, compress: true }];
  const missingAttachments: string[] = [];
  for (const storedName of [...referencedStoredNames(input.tables, STORED_NAME)].sort()) {
    const file = path.join(input.attachmentsDir, storedName);
    try {
      await fs.access(file);
      entries.push({ name: `attachments/${storedName}`, file, compress: false });
    } catch {
      missingAttachments.push(storedName);
    }
  }
  for (const council of input.tables.councils ?? []) {
    const dir = councilFilesDir(input.dataDir, String(council.id));
    let names: string[] = [];
    try {
      names = (await fs.readdir(dir, { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
    } catch {
      /* no files of its own */
    }
    for (const name of names.sort()) {
      const entryName = `councils/${path.basename(dir)}/${name}`;
      if (PACKAGE_ENTRY_NAME.test(entryName) && !name.startsWith('.'))
        entries.push({ name: entryName, file: path.join(dir, name), compress: true });
    }
  }

  const files: Record<string, PackageEntry> = {};
  for (const e of entries) {
    files[e.name] = e.data
      ? { size: e.data.byteLength, sha256: createHash('sha256').update(e.data).digest('hex') }
      : await hashFile(e.file!);
  }
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    appVersion: input.appVersion,
    createdAt: (input.now ?? new Date()).toISOString(),
    schemaVersion: input.schemaVersion,
    councils: (input.tables.councils ?? []).map((c) => ({ id: String(c.id), name: String(c.name ?? '') })),
    counts: countTables(input.tables),
    files,
  };
  const manifestBytes = new TextEncoder().encode(JSON.stringify(manifest, null, 2));

  const dir = path.dirname(target);
  const part = path.join(dir, `.package-${randomBytes(6).toString('hex')}.part`);
  let handle: fs.FileHandle | undefined;
  let bytes = 0;
  try {
    handle = await fs.open(part, 'wx');
    const out: Uint8Array[] = [];
    let zipError: Error | null = null;
    const zip = new Zip((err, chunk) => {
      if (err) zipError = err;
      else out.push(chunk);
    });
    const flush = async () => {
      if (zipError) throw zipError;
      for (const c of out.splice(0)) {
        await handle!.write(c);
        bytes += c.byteLength;
      }
    };
    const add = async (name: string, compress: boolean, source: Uint8Array | string) => {
      // Attachments (already compressed formats) as stored deflate blocks: level 0 keeps an end marker,
      // so a streaming reader finds where each entry ends.
      const entry = new ZipDeflate(name, { level: compress ? 6 : 0 });
      zip.add(entry);
      if (typeof source !== 'string') {
        entry.push(source, true);
        await flush();
        return;
      }
      const fh = await fs.open(source, 'r');
      try {
        const buf = Buffer.alloc(1024 * 1024);
        for (;;) {
          const { bytesRead } = await fh.read(buf, 0, buf.length);
          entry.push(buf.subarray(0, bytesRead).slice(), bytesRead === 0);
          await flush();
          if (bytesRead === 0) break;
        }
      } finally {
        await fh.close();
      }
    };
    await add('manifest.json', true, manifestBytes);
    for (const e of entries) await add(e.name, e.compress, e.data ?? e.file!);
    zip.end();
    await flush();
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(part, target);
    await syncDirectory(dir);
  } catch (error) {
    await handle?.close().catch(() => {});
    await fs.rm(part, { force: true }).catch(() => {});
    throw error instanceof AppError ? error : fileErrorToAppError(error, target);
  }
  return { manifest, bytes, missingAttachments };
}

export interface ReadPackage {
  manifest: PackageManifest;
  tables: TableRecords;
  /** Where attachments and council files were unpacked (entry name → file), for a confirmed import. */
  staged: Record<string, string>;
}

const invalid = (label: string, why: string) =>
  new AppError('INVALID_FILE', `${label}は審議会デスクのパッケージとして読み込めません（${why}）。`);

/**
 * Reads and checks a package. Attachments and council files are unpacked into
 * `stagingDir` (created; the caller removes it); records come back in memory.
 */
export async function readPackage(
  file: string,
  stagingDir: string,
  opts: { label?: string; limits?: ZipLimits } = {},
): Promise<ReadPackage> {
  const label = opts.label ?? `「${path.basename(file)}」`;
  let manifest: PackageManifest | null = null;
  let manifestText = '';
  let records: Uint8Array[] = [];
  const seen = new Map<string, PackageEntry>();
  const staged: Record<string, string> = {};
  const ops: (() => Promise<void>)[] = [];
  let index = 0;
  await fs.mkdir(stagingDir, { recursive: true });

  const guard: GuardedUnzip = new GuardedUnzip(opts.limits ?? PACKAGE_LIMITS, label, (name) => {
    const first = index++ === 0;
    if (first && name !== 'manifest.json') {
      guard.abort(invalid(label, '目録 manifest.json がありません'));
      return null;
    }
    if (!first && !PACKAGE_ENTRY_NAME.test(name)) {
      guard.abort(invalid(label, `想定外のファイル「${name.slice(0, 80)}」を含んでいます`));
      return null;
    }
    const expected = first ? null : manifest?.files[name];
    if (!first && !expected) {
      guard.abort(invalid(label, `目録にないファイル「${name}」を含んでいます`));
      return null;
    }
    if (seen.has(name)) {
      guard.abort(invalid(label, `「${name}」が重複しています`));
      return null;
    }
    const hash = createHash('sha256');
    let size = 0;
    const chunks: Uint8Array[] = [];
    let fh: Promise<fs.FileHandle> | null = null;
    if (name !== 'manifest.json' && name !== 'records.json') {
      const target = path.join(stagingDir, `${Object.keys(staged).length}-${path.basename(name)}`);
      staged[name] = target;
      fh = fs.open(target, 'wx');
      fh.catch(() => {});
    }
    return {
      data(chunk) {
        size += chunk.byteLength;
        const max = first ? MANIFEST_MAX_BYTES : expected!.size;
        if (size > max) {
          guard.abort(invalid(label, `「${name}」が目録の大きさを超えています`));
          return;
        }
        hash.update(chunk);
        if (fh) {
          const c = chunk.slice();
          ops.push(async () => void (await (await fh!).write(c)));
        } else chunks.push(chunk.slice());
      },
      end() {
        const got = { size, sha256: hash.digest('hex') };
        seen.set(name, got);
        if (fh) ops.push(async () => (await fh!).close());
        if (first) {
          manifestText = Buffer.concat(chunks).toString('utf8');
          let raw: unknown;
          try {
            raw = JSON.parse(manifestText);
          } catch {
            guard.abort(invalid(label, '目録が壊れています'));
            return;
          }
          const version = (raw as { formatVersion?: unknown })?.formatVersion;
          const problem = typeof version === 'number' ? packageVersionProblem(version) : null;
          if (problem) {
            guard.abort(new AppError('INVALID_FILE', problem));
            return;
          }
          const parsed = PackageManifest.safeParse(raw);
          if (!parsed.success) {
            guard.abort(invalid(label, '目録の形式が正しくありません'));
            return;
          }
          manifest = parsed.data;
        } else if (got.size !== expected!.size || got.sha256 !== expected!.sha256) {
          guard.abort(invalid(label, `「${name}」の内容が目録と一致しません。ファイルが壊れている可能性があります`));
        } else if (name === 'records.json') records = chunks;
      },
    };
  });

  try {
    const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
    for await (const chunk of stream) {
      guard.push(chunk as Buffer);
      for (const op of ops.splice(0)) await op();
    }
    guard.push(new Uint8Array(0), true);
    for (const op of ops.splice(0)) await op();
  } catch (error) {
    for (const op of ops.splice(0)) await op().catch(() => {});
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new AppError('NOT_FOUND', `${label}が見つかりません。`);
    throw invalid(label, '読み取りに失敗しました');
  }
  const m = manifest as PackageManifest | null;
  if (!m) throw invalid(label, '目録 manifest.json がありません');
  for (const name of Object.keys(m.files))
    if (!seen.has(name)) throw invalid(label, `目録にある「${name}」が入っていません`);
  let tables: TableRecords;
  try {
    const parsed = JSON.parse(Buffer.concat(records).toString('utf8')) as { tables?: unknown };
    if (!parsed.tables || typeof parsed.tables !== 'object' || Array.isArray(parsed.tables)) throw new Error();
    tables = parsed.tables as TableRecords;
    for (const rows of Object.values(tables))
      if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) throw new Error();
  } catch {
    throw invalid(label, '記録 records.json が壊れています');
  }
  const counts = countTables(tables);
  for (const [table, n] of Object.entries(m.counts))
    if ((counts[table] ?? 0) !== n) throw invalid(label, `「${table}」の件数が目録と一致しません`);
  return { manifest: m, tables, staged };
}

/** After a confirmed import: staged attachments move into the data folder (existing ones are kept). */
export async function installStagedAttachments(
  staged: Record<string, string>,
  attachmentsDir: string,
  dataDir: string,
): Promise<{ attachments: number; councilFiles: number }> {
  await fs.mkdir(attachmentsDir, { recursive: true });
  let attachments = 0;
  let councilFiles = 0;
  for (const [entry, file] of Object.entries(staged)) {
    if (entry.startsWith('attachments/')) {
      const storedName = entry.slice('attachments/'.length);
      if (!STORED_NAME.test(storedName)) continue;
      try {
        await fs.copyFile(file, path.join(attachmentsDir, storedName), fs.constants?.COPYFILE_EXCL ?? 1);
        attachments++;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fileErrorToAppError(error, storedName);
      }
    } else if (entry.startsWith('councils/')) {
      const [, councilId, name] = entry.split('/');
      const dir = councilFilesDir(dataDir, councilId!);
      await fs.mkdir(dir, { recursive: true });
      await fs.copyFile(file, path.join(dir, path.basename(name!)));
      councilFiles++;
    }
  }
  await syncDirectory(attachmentsDir);
  return { attachments, councilFiles };
}
