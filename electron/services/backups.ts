/**
 * Rotating backups of the renderer's database. The renderer exports IndexedDB
 * (dexie-export-import JSON) and main keeps the newest N files in <data>/backups.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from './files';

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

export async function writeBackup(
  dir: string,
  json: string,
  reason: string,
  keep: number,
  now = new Date(),
): Promise<BackupInfo> {
  try {
    JSON.parse(json);
  } catch {
    throw new AppError('INVALID_ARGUMENT', 'バックアップの内容が正しい形式ではないため、保存しませんでした。');
  }
  await fs.mkdir(dir, { recursive: true });
  const name = `backup-${stamp(now)}-${reason}.json`;
  const target = path.join(dir, name);
  await writeFileAtomic(target, json);
  const all = await listBackups(dir);
  for (const old of all.slice(keep)) await fs.rm(path.join(dir, old.name), { force: true });
  return { name, bytes: Buffer.byteLength(json), createdAt: now.toISOString() };
}
