/**
 * App settings. In Electron they live in electron-store (see main/settings.electron.ts);
 * in browser mode and in tests, in a JSON file written atomically. Both satisfy SettingsStore.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppSettings, DEFAULT_SETTINGS } from '../../shared/contract';
import { writeFileAtomic } from './files';

export interface SettingsStore {
  get(): AppSettings;
  update(patch: Partial<AppSettings>): Promise<AppSettings>;
}

/** Reads what is valid and falls back to defaults field by field: a bad file never stops the app. */
export function sanitizeSettings(raw: unknown): AppSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  if (raw && typeof raw === 'object') {
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof AppSettings)[]) {
      const candidate = { ...DEFAULT_SETTINGS, [key]: (raw as Record<string, unknown>)[key] };
      if (AppSettings.safeParse(candidate).success) merged[key] = candidate[key];
    }
  }
  return AppSettings.parse(merged);
}

export class JsonFileSettingsStore implements SettingsStore {
  private current: AppSettings;
  constructor(private readonly file: string) {
    let raw: unknown = undefined;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      /* first run or unreadable: defaults */
    }
    this.current = sanitizeSettings(raw);
  }
  get(): AppSettings {
    return { ...this.current };
  }
  async update(patch: Partial<AppSettings>): Promise<AppSettings> {
    const next = AppSettings.parse({ ...this.current, ...patch });
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.current = next;
    return this.get();
  }
}
