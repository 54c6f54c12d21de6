/**
 * A real ServiceContext around one temporary folder, as test/unit/service-context.ts builds
 * it for the tests (same fields). Copied here because tsx, which runs the bench, reads
 * `platform.node` as a native addon name; the explicit `.ts` path loads the module.
 */
import path from 'node:path';
import type { ServiceContext } from '../electron/core/context';
import { JsonFileSettingsStore } from '../electron/services/settings';

export async function benchServiceContext(dir: string): Promise<ServiceContext> {
  const { createNodePlatform } = (await import(
    '../electron/server/platform.node.ts' as string
  )) as typeof import('../electron/server/platform.node');
  return {
    platform: createNodePlatform(dir),
    settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')),
    dataDir: dir,
    appVersion: '0.1.0',
    windows: null,
    fixedExportDir: path.join(dir, 'exports'),
    savedPaths: new Set(),
  };
}
