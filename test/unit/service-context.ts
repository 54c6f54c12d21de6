/** The service context the handlers get in main, built for a test around one temporary folder. */
import path from 'node:path';
import type { ServiceContext } from '../../electron/core/context';
import { JsonFileSettingsStore } from '../../electron/services/settings';
import { createNodePlatform } from '../../electron/server/platform.node';

export function testServiceContext(dir: string, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    platform: createNodePlatform(dir),
    settings: new JsonFileSettingsStore(path.join(dir, 'settings.json')),
    dataDir: dir,
    appVersion: '0.1.0',
    windows: null,
    fixedExportDir: path.join(dir, 'exports'),
    savedPaths: new Set(),
    ...overrides,
  };
}
