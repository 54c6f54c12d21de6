/**
 * Rotating backups of the renderer's database. The renderer exports IndexedDB
 * (dexie-export-import JSON) and main keeps the newest N files in <data>/backups.
 *
 * Formats (`formatVersion`):
 *   1  the bare dexie-export-import JSON (releases before 2). Still read.
 *   2  { format: 'shingikai-backup', formatVersion: 2, appVersion, createdAt, attachments, db }
 *      where db is the dexie export. The attachments the records name are kept in
 *      <data>/backups/attachments/<storedName> (stored files never change, so one copy
 *      serves every backup) and listed in backup-….attachments.json next to the backup;
 *      rotation removes copies no kept backup names. A restore puts them back.
 *   A newer format than this app knows is refused with a message saying so.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { STORED_NAME } from '../../shared/contract/councils';
import { BACKUP_MAX_BYTES } from '../../shared/contract/app';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, parseBackup, type BackupContents } from '../../shared/backup-format';
import { fileErrorToAppError, syncDirectory, writeFileAtomic } from './files';

export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, parseBackup, type BackupContents } from '../../shared/backup-format';

export interface BackupInfo {
  name: string;
  bytes: number;
  createdAt: string;
}
const PATTERN = /^backup-(\d{8}-\d{6}-\d{3})-([a-z-]+)\.json$/;

function stamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}-${p(d.getUTCMilliseconds(), 3)}`;
}

export async function listBackups(dir: string): Promise<BackupInfo[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const out: BackupInfo[] = [];
  for (const name of names
    .filter((n) => PATTERN.test(n))
    .sort()
    .reverse()) {
    const st = await fs.stat(path.join(dir, name));
    out.push({ name, bytes: st.size, createdAt: st.mtime.toISOString() });
  }
  return out;
}

const refsName = (backupName: string) => backupName.replace(/\.json$/, '.attachments.json');
export const backupAttachmentsDir = (dir: string) => path.join(dir, 'attachments');

export interface BackupOptions {
  /** Where the app keeps attachments; without it, attachments are not kept (format 1 behaviour). */
  attachmentsDir?: string;
  appVersion?: string;
}

/**
 * Writes a backup: `payload` is the dexie export, as a string or as its UTF-8 bytes (what the
 * backup worker sends). It is checked in one pass over the bytes, not parsed (a parse of a
 * large database's backup held main for seconds and several copies of it in memory): one
 * JSON object whose brackets balance outside strings, so a cut-off or broken payload is
 * refused; the attachments it names are found in the same bytes.
 */
export async function writeBackup(
  dir: string,
  payload: string | Uint8Array,
  reason: string,
  keep: number,
  now = new Date(),
  opts: BackupOptions = {},
): Promise<BackupInfo> {
  const bytes =
    typeof payload === 'string'
      ? Buffer.from(payload, 'utf8')
      : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  if (!isOneJsonObject(bytes)) throw notOneJsonObject();
  return writeCheckedBackup(dir, storedNamesIn(bytes), [bytes], reason, keep, now, opts);
}

const notOneJsonObject = () =>
  new AppError('INVALID_ARGUMENT', 'バックアップの内容が正しい形式ではないため、保存しませんでした。');

/**
 * Writes a checked dexie export (`records`, its bytes in order) as a backup file: keeps the
 * attachments it names, puts the head before the records, writes atomically and rotates.
 */
async function writeCheckedBackup(
  dir: string,
  storedNames: Set<string>,
  records: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  reason: string,
  keep: number,
  now: Date,
  opts: BackupOptions,
): Promise<BackupInfo> {
  await fs.mkdir(dir, { recursive: true });
  const name = `backup-${stamp(now)}-${reason}.json`;
  const target = path.join(dir, name);
  const names = [...storedNames].sort();
  const kept: { storedName: string; size: number }[] = [];
  const missing: string[] = [];
  if (opts.attachmentsDir) {
    const store = backupAttachmentsDir(dir);
    await fs.mkdir(store, { recursive: true });
    for (const storedName of names) {
      const copy = path.join(store, storedName);
      try {
        kept.push({ storedName, size: (await fs.stat(copy)).size });
        continue;
      } catch {
        /* not kept yet */
      }
      const source = path.join(opts.attachmentsDir, storedName);
      try {
        // A hard link costs no space on the same drive; otherwise a copy.
        await fs.link(source, copy).catch(() => fs.copyFile(source, copy));
        kept.push({ storedName, size: (await fs.stat(copy)).size });
      } catch {
        missing.push(storedName);
      }
    }
    await syncDirectory(store);
  }
  const head = JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: opts.appVersion ?? null,
    createdAt: now.toISOString(),
    reason,
    attachments: kept,
    missingAttachments: missing,
  });
  let bytes = 0;
  async function* body(): AsyncGenerator<Uint8Array> {
    const first = Buffer.from(`${head.slice(0, -1)},"db":`);
    bytes = first.byteLength + 1;
    yield first;
    for await (const chunk of records) {
      bytes += chunk.byteLength;
      yield chunk;
    }
    yield Buffer.from('}');
  }
  await writeFileAtomic(path.join(dir, refsName(name)), JSON.stringify(kept.map((k) => k.storedName)));
  await writeFileAtomic(target, body());
  const all = await listBackups(dir);
  for (const old of all.slice(keep)) {
    await fs.rm(path.join(dir, old.name), { force: true });
    await fs.rm(path.join(dir, refsName(old.name)), { force: true });
  }
  await pruneBackupAttachments(dir);
  return { name, bytes, createdAt: now.toISOString() };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * One JSON object, checked in one pass: the first and last non-space bytes are its braces,
 * braces and brackets balance (and never close what they did not open) outside strings, and
 * every string ends. Strings are skipped with Buffer.indexOf (native), so the pass costs
 * little more than reading the bytes. Numbers and literals are not checked one by one.
 */
export function isOneJsonObject(bytes: Buffer): boolean {
  let start = 0;
  let end = bytes.length;
  while (start < end && isSpace(bytes[start]!)) start++;
  while (end > start && isSpace(bytes[end - 1]!)) end--;
  if (bytes[start] !== 0x7b || bytes[end - 1] !== 0x7d) return false;
  const open: number[] = [];
  for (let i = start; i < end; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) {
      // The closing quote: the next one not escaped (an odd run of backslashes before it escapes it).
      let q = i;
      for (;;) {
        q = bytes.indexOf(QUOTE, q + 1);
        if (q === -1 || q >= end) return false;
        let b = q - 1;
        while (bytes[b] === BACKSLASH) b--;
        if ((q - 1 - b) % 2 === 0) break;
      }
      i = q;
    } else if (c === 0x7b || c === 0x5b) open.push(c);
    else if (c === 0x7d || c === 0x5d) {
      if (open.pop() !== (c === 0x7d ? 0x7b : 0x5b)) return false;
      // The object's own closing brace is the last byte.
      if (open.length === 0 && i !== end - 1) return false;
    }
  }
  return open.length === 0;
}

/**
 * The same check as isOneJsonObject, fed chunk by chunk (a file is checked as it is read, never
 * whole in memory), finding the attachments named in the bytes on the way (storedNamesIn).
 * State carried between chunks: whether the object began or ended, the open brackets, whether
 * a string is open and how many backslashes ended the last chunk inside it, and the last bytes
 * (a `"storedName":"…"` may be cut between chunks).
 */
export class JsonObjectCheck {
  readonly storedNames = new Set<string>();
  private started = false;
  private closed = false;
  private broken = false;
  private inString = false;
  private backslashes = 0;
  private readonly open: number[] = [];
  private tail: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): void {
    if (this.broken) return;
    const window = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk;
    for (const name of storedNamesIn(window)) this.storedNames.add(name);
    this.tail = Buffer.from(window.subarray(Math.max(0, window.length - (STORED_NAME_KEY.length + 65))));
    const n = chunk.length;
    for (let i = 0; i < n;) {
      if (this.inString) {
        // The closing quote: the next one not escaped (the backslash run may begin in an earlier chunk).
        let q = chunk.indexOf(QUOTE, i);
        for (;;) {
          let b = (q === -1 ? n : q) - 1;
          while (b >= i && chunk[b] === BACKSLASH) b--;
          const run = (q === -1 ? n : q) - 1 - b + (b < i ? this.backslashes : 0);
          if (q === -1) {
            this.backslashes = run;
            return;
          }
          if (run % 2 === 0) break;
          q = chunk.indexOf(QUOTE, q + 1);
        }
        this.inString = false;
        this.backslashes = 0;
        i = q + 1;
        continue;
      }
      const c = chunk[i]!;
      i++;
      if (!this.started || this.closed) {
        if (isSpace(c)) continue;
        // Before the object only spaces, then its brace; after its closing brace only spaces.
        if (this.closed || c !== 0x7b) return void (this.broken = true);
        this.started = true;
        this.open.push(c);
      } else if (c === QUOTE) {
        this.inString = true;
        this.backslashes = 0;
      } else if (c === 0x7b || c === 0x5b) this.open.push(c);
      else if (c === 0x7d || c === 0x5d) {
        if (this.open.pop() !== (c === 0x7d ? 0x7b : 0x5b)) return void (this.broken = true);
        if (this.open.length === 0) this.closed = true;
      }
    }
  }

  /** Whether everything pushed was one JSON object (see isOneJsonObject). */
  get ok(): boolean {
    return !this.broken && this.closed && !this.inString;
  }
}

/** Checks a file with JsonObjectCheck, reading it in chunks; its size is refused above `maxBytes`. */
export async function checkBackupFile(file: string, maxBytes = BACKUP_MAX_BYTES): Promise<JsonObjectCheck> {
  const check = new JsonObjectCheck();
  const handle = await fs.open(file, 'r');
  try {
    if ((await handle.stat()).size > maxBytes) throw tooLarge(maxBytes);
    const buffer = Buffer.alloc(CHECK_CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      check.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return check;
}

const CHECK_CHUNK_BYTES = 1024 * 1024;

const tooLarge = (maxBytes: number) =>
  new AppError(
    'INVALID_ARGUMENT',
    `バックアップが大きすぎるため保存を中止しました（${Math.round(maxBytes / 1024 / 1024)}MB まで）。`,
  );

const STORED_NAME_KEY = Buffer.from('"storedName":"');

/**
 * The attachments a backup's records name (`"storedName":"<name>"` at any depth, as
 * referencedStoredNames finds in parsed records). In JSON text a quote inside a string is
 * always escaped, so this unescaped key can only be a property name.
 */
export function storedNamesIn(bytes: Buffer): Set<string> {
  const out = new Set<string>();
  for (let at = bytes.indexOf(STORED_NAME_KEY); at !== -1; at = bytes.indexOf(STORED_NAME_KEY, at + 1)) {
    const from = at + STORED_NAME_KEY.length;
    const to = bytes.indexOf(QUOTE, from);
    if (to === -1 || to - from > 64) continue;
    const name = bytes.toString('latin1', from, to);
    if (STORED_NAME.test(name)) out.add(name);
  }
  return out;
}

/** Removes kept attachment copies that no remaining backup names. */
export async function pruneBackupAttachments(dir: string): Promise<string[]> {
  const wanted = new Set<string>();
  for (const b of await listBackups(dir)) {
    try {
      for (const n of JSON.parse(await fs.readFile(path.join(dir, refsName(b.name)), 'utf8')) as string[])
        wanted.add(n);
    } catch {
      /* a format 1 backup names none */
    }
  }
  const store = backupAttachmentsDir(dir);
  let names: string[];
  try {
    names = await fs.readdir(store);
  } catch {
    return [];
  }
  const removed = names.filter((n) => STORED_NAME.test(n) && !wanted.has(n));
  for (const n of removed) await fs.rm(path.join(store, n), { force: true });
  return removed;
}

export async function readBackup(dir: string, name: string, knownSchemaVersion?: number): Promise<BackupContents> {
  const contents = parseBackup(name, (await readBackupFile(dir, name)).toString('utf8'), knownSchemaVersion);
  if (!contents.createdAt) contents.createdAt = (await fs.stat(path.join(dir, name))).mtime.toISOString();
  return contents;
}

/** A backup file's bytes, unparsed (the restore worker parses them once, where it writes). */
export async function readBackupFile(dir: string, name: string): Promise<Buffer> {
  if (!PATTERN.test(name)) throw new AppError('INVALID_ARGUMENT', 'バックアップの名前が正しくありません。');
  try {
    return await fs.readFile(path.join(dir, name));
  } catch {
    throw new AppError('NOT_FOUND', `バックアップ「${name}」が見つかりません。`);
  }
}

const DB_KEY = Buffer.from(',"db":');

/**
 * The attachments part of a backup without parsing its records: writeBackup puts every field
 * but the records before `"db":` (a key that cannot occur unescaped inside a string), so only
 * that head is parsed. Format 1 backups and files written otherwise are parsed whole.
 */
async function readBackupAttachments(
  dir: string,
  name: string,
): Promise<Pick<BackupContents, 'attachments' | 'missingAttachments'>> {
  const bytes = await readBackupFile(dir, name);
  const at = bytes.indexOf(DB_KEY);
  if (at !== -1) {
    try {
      const head = JSON.parse(`${bytes.toString('utf8', 0, at)}}`) as Record<string, unknown>;
      if (head.format === BACKUP_FORMAT && head.formatVersion === BACKUP_FORMAT_VERSION)
        return {
          attachments: Array.isArray(head.attachments) ? (head.attachments as BackupContents['attachments']) : [],
          missingAttachments: Array.isArray(head.missingAttachments) ? (head.missingAttachments as string[]) : [],
        };
    } catch {
      /* not the head writeBackup writes: parsed whole below */
    }
  }
  return parseBackup(name, bytes.toString('utf8'));
}

/**
 * Puts back the attachments a backup names that the data folder lacks. Called by the
 * renderer's restore before it writes the records.
 */
export async function restoreBackupAttachments(
  dir: string,
  name: string,
  attachmentsDir: string,
  only?: string[],
): Promise<{ restored: number; missing: string[] }> {
  const contents = await readBackupAttachments(dir, name);
  const wanted = only ? new Set(only) : null;
  await fs.mkdir(attachmentsDir, { recursive: true });
  let restored = 0;
  const missing = [...contents.missingAttachments];
  for (const { storedName } of contents.attachments) {
    if (!STORED_NAME.test(storedName) || (wanted && !wanted.has(storedName))) continue;
    const target = path.join(attachmentsDir, storedName);
    try {
      await fs.access(target);
      continue;
    } catch {
      /* to restore */
    }
    try {
      await fs.copyFile(path.join(backupAttachmentsDir(dir), storedName), target, fs.constants.COPYFILE_EXCL);
      restored++;
    } catch {
      missing.push(storedName);
    }
  }
  await syncDirectory(attachmentsDir);
  return { restored, missing };
}

const uploadPartName = (id: string) => `.backup-${id}.part`;

/**
 * Backups sent in parts (backup:write:begin / part / end / abort): the parts are appended in
 * order to `<backups>/.backup-<id>.part`, so no single huge request body or IPC message is
 * handled at once; `end` checks the whole (the same one-pass check as writeBackup), writes
 * the backup atomically, rotates, and removes the .part. A refused part, an abort or a failed
 * end removes the .part; one a crash left behind is swept at start (cleanStaleTemps). Ids are
 * made here, used once and forgotten, so an id can never write over an existing backup.
 */
export class BackupUploads {
  private readonly open = new Map<string, { reason: string; nextIndex: number; size: number }>();

  constructor(
    private readonly dir: () => string,
    private readonly keep: () => number,
    private readonly opts: () => BackupOptions = () => ({}),
    private readonly maxBytes = BACKUP_MAX_BYTES,
  ) {}

  private partPath(id: string): string {
    return path.join(this.dir(), uploadPartName(id));
  }

  async begin(reason: string): Promise<{ id: string }> {
    const id = randomUUID();
    await fs.mkdir(this.dir(), { recursive: true });
    try {
      await fs.writeFile(this.partPath(id), new Uint8Array(0), { flag: 'wx' });
    } catch (error) {
      throw fileErrorToAppError(error, this.partPath(id));
    }
    this.open.set(id, { reason, nextIndex: 0, size: 0 });
    return { id };
  }

  async part(id: string, index: number, bytes: Uint8Array): Promise<{ received: number }> {
    const upload = this.open.get(id);
    if (!upload) throw new AppError('INVALID_ARGUMENT', 'バックアップの送信が見つかりません。もう一度お試しください。');
    if (index !== upload.nextIndex) {
      await this.abort(id);
      throw new AppError('INVALID_ARGUMENT', 'バックアップの送信の順序が正しくないため、保存を中止しました。');
    }
    if (upload.size + bytes.byteLength > this.maxBytes) {
      await this.abort(id);
      throw tooLarge(this.maxBytes);
    }
    try {
      await fs.appendFile(this.partPath(id), bytes);
    } catch (error) {
      await this.abort(id);
      throw fileErrorToAppError(error, this.partPath(id));
    }
    upload.nextIndex++;
    upload.size += bytes.byteLength;
    return { received: upload.size };
  }

  async end(id: string, now = new Date()): Promise<BackupInfo> {
    const upload = this.open.get(id);
    if (!upload) throw new AppError('INVALID_ARGUMENT', 'バックアップの送信が見つかりません。もう一度お試しください。');
    this.open.delete(id);
    const part = this.partPath(id);
    try {
      // Checked as it is read, then copied behind the head: never the whole backup in memory.
      const check = await checkBackupFile(part, this.maxBytes);
      if (!check.ok) throw notOneJsonObject();
      const records = createReadStream(part, { highWaterMark: CHECK_CHUNK_BYTES });
      return await writeCheckedBackup(
        this.dir(),
        check.storedNames,
        records,
        upload.reason,
        this.keep(),
        now,
        this.opts(),
      );
    } finally {
      await fs.rm(this.partPath(id), { force: true });
    }
  }

  async abort(id: string): Promise<Record<string, never>> {
    this.open.delete(id);
    await fs.rm(this.partPath(id), { force: true });
    return {};
  }
}
