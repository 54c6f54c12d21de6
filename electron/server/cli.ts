/**
 * `npm run browser` / the fallback of `npm start`: serve the built renderer and main's
 * services on 127.0.0.1. Options (or environment):
 *   --port N        (SHINGIKAI_PORT)        0 = any free port
 *   --data-dir DIR  (SHINGIKAI_DATA_DIR)    settings, backups, attachments
 *   --export-dir D  (SHINGIKAI_EXPORT_DIR)  save every export here
 * Without --port, the first run picks a free port and keeps it in the data folder:
 * IndexedDB belongs to the origin, so a new port every run would hide the data.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHandlers } from '../main/handlers';
import type { ServiceContext } from '../core/context';
import { JsonFileSettingsStore } from '../services/settings';
import { proxyTeamRequest } from '../services/team/proxy';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { createNodePlatform, defaultBrowserDataDir } from './platform.node';

declare const __APP_VERSION__: string;

function option(name: string, env: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  return process.env[env] || undefined;
}

async function rememberedPort(dataDir: string): Promise<number | null> {
  try {
    const n = Number((await fs.readFile(path.join(dataDir, 'browser-port'), 'utf8')).trim());
    return Number.isInteger(n) && n > 1024 && n < 65536 ? n : null;
  } catch {
    return null;
  }
}

export async function startBrowserMode(): Promise<BrowserServer> {
  const dataDir = path.resolve(option('data-dir', 'SHINGIKAI_DATA_DIR') ?? defaultBrowserDataDir());
  const exportDir = option('export-dir', 'SHINGIKAI_EXPORT_DIR');
  await fs.mkdir(dataDir, { recursive: true });
  const ctx: ServiceContext = {
    platform: createNodePlatform(dataDir),
    // Browser mode opens no windows: the page opens the projector in a tab itself.
    windows: null,
    settings: new JsonFileSettingsStore(path.join(dataDir, 'settings.json')),
    dataDir,
    appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
    fixedExportDir: exportDir ? path.resolve(exportDir) : null,
    savedPaths: new Set(),
  };
  const staticDir = path.resolve(__dirname, '..', 'renderer');
  const log = (message: string, error?: unknown) => console.error(`[審議会デスク] ${message}`, error ?? '');
  const explicitPort = option('port', 'SHINGIKAI_PORT');
  const handlers = createHandlers(ctx);
  // The team password stays in this process (team.json, user-only): the page replicates through it.
  const teamProxy = (request: Request, subPath: string, search: string) =>
    proxyTeamRequest(dataDir, null, request, subPath, search);
  if (explicitPort !== undefined)
    return startBrowserServer({ handlers, staticDir, port: Number(explicitPort), log, teamProxy });
  const remembered = await rememberedPort(dataDir);
  try {
    const server = await startBrowserServer({ handlers, staticDir, port: remembered ?? 0, log, teamProxy });
    if (server.port !== remembered) await fs.writeFile(path.join(dataDir, 'browser-port'), String(server.port));
    return server;
  } catch {
    console.error(
      `ポート ${remembered} は使用中のため、別のポートで起動します（保存済みのデータはこのポートのアドレスでのみ表示されます）。`,
    );
    return startBrowserServer({ handlers, staticDir, port: 0, log, teamProxy });
  }
}

if (require.main === module) {
  startBrowserMode().then(
    (server) => {
      console.log(`審議会デスク（ブラウザーモード）を起動しました: ${server.url}`);
      const stop = () => server.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error) => {
      console.error('ブラウザーモードを起動できませんでした:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
