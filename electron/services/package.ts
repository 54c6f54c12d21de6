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
import { crc32, deflateRawSync } from 'node:zlib';
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

/**
 * A zip written entry by entry with every size and CRC in the local header (no data
 * descriptors). A streaming reader then knows where each entry ends without searching for
 * the next header signature — which an attached .docx/.xlsx (itself a zip, stored as is)
 * carries inside its bytes and which made such packages unreadable.
 */
class ZipWriter {
  offset = 0;
  private readonly central: Buffer[] = [];
  private count = 0;
  constructor(private readonly handle: fs.FileHandle) {}

  private async write(b: Uint8Array) {
    await this.handle.write(b);
    this.offset += b.byteLength;
    if (this.offset > 0xffffffff)
      throw new AppError(
        'INVALID_ARGUMENT',
        'パッケージが 4GB を超えるため書き出せません。審議会ごとに書き出してください。',
      );
  }

  private async header(name: string, method: 0 | 8, crc: number, packed: number, size: number) {
    const n = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00: times are not kept (the manifest has createdAt)
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(packed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(n.length, 26);
    local.writeUInt16LE(0, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    local.copy(cd, 6, 4, 30); // version needed … name length, extra length
    cd.writeUInt32LE(this.offset, 42);
    this.central.push(cd, n);
    this.count++;
    await this.write(local);
    await this.write(n);
  }

  /** An entry in memory, deflated. */
  async addData(name: string, data: Uint8Array) {
    const packed = deflateRawSync(data);
    await this.header(name, 8, crc32(data), packed.byteLength, data.byteLength);
    await this.write(packed);
  }

  /** A file on disk, stored as is (attachments are compressed formats already), read twice: CRC, then copy. */
  async addFile(name: string, file: string, size: number) {
    let crc = 0;
    for await (const chunk of createReadStream(file)) crc = crc32(chunk as Buffer, crc);
    await this.header(name, 0, crc, size, size);
    let copied = 0;
    for await (const chunk of createReadStream(file)) {
      await this.write(chunk as Buffer);
      copied += (chunk as Buffer).byteLength;
    }
    if (copied !== size)
      throw new AppError('FILE_BUSY', `「${name}」が書き出しの途中で変わりました。もう一度書き出してください。`);
  }

  async end() {
    const start = this.offset;
    for (const b of this.central) await this.write(b);
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(this.count, 8);
    eocd.writeUInt16LE(this.count, 10);
    eocd.writeUInt32LE(this.offset - start, 12);
    eocd.writeUInt32LE(start, 16);
    await this.write(eocd);
  }
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
  let bytes: number;
  try {
    handle = await fs.open(part, 'wx');
    const zip = new ZipWriter(handle);
    await zip.addData('manifest.json', manifestBytes);
    for (const e of entries) {
      if (e.data) await zip.addData(e.name, e.data);
      else if (e.compress) await zip.addData(e.name, new Uint8Array(await fs.readFile(e.file!)));
      else await zip.addFile(e.name, e.file!, files[e.name]!.size);
    }
    await zip.end();
    bytes = zip.offset;
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
