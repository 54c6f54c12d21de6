/**
 * Channel → service. Every channel of the contract must have its handler here: the
 * `Handlers` type makes a missing one a compile error. A feature adds a
 * `xxxHandlers(ctx)` function in its own module and spreads it in below.
 */
import { backupsDir, type ServiceContext } from './context';
import type { Handler, Handlers } from './dispatch';
import { listBackups, writeBackup } from '../services/backups';
import { requireSavedPath } from '../services/save-document';
import { councilsHandlers } from '../services/councils/handlers';
import { draftsHandlers } from '../services/drafts/handlers';
import { opinionsHandlers } from '../services/opinions/handlers';
import type { Channel } from '../../shared/contract';
import { minutesHandlers } from '../services/minutes/handlers';
import { minutesStyleHandlers } from '../services/minutes/style-handlers';
import { windowHandlers } from '../services/window/handlers';

type HandlerGroup<K extends Channel> = { [C in K]: Handler<C> };

function appHandlers(
  ctx: ServiceContext,
): HandlerGroup<
  | 'app:get:info'
  | 'settings:get:all'
  | 'settings:update'
  | 'file:open:saved'
  | 'file:show:saved'
  | 'backup:write'
  | 'backup:list'
> {
  return {
    'app:get:info': () => ({
      name: '審議会デスク',
      version: ctx.appVersion,
      mode: ctx.platform.mode,
      dataDir: ctx.dataDir,
      exportDir: ctx.fixedExportDir,
    }),
    'settings:get:all': () => ctx.settings.get(),
    'settings:update': (patch) => ctx.settings.update(patch),
    'file:open:saved': async ({ path }) => {
      await ctx.platform.openPath(requireSavedPath(ctx, path));
      return {};
    },
    'file:show:saved': async ({ path }) => {
      await ctx.platform.showInFolder(requireSavedPath(ctx, path));
      return {};
    },
    'backup:write': ({ json, reason }) => writeBackup(backupsDir(ctx), json, reason, ctx.settings.get().backupKeep),
    'backup:list': () => listBackups(backupsDir(ctx)),
  };
}

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...councilsHandlers(ctx),
    ...draftsHandlers(ctx),
    ...minutesHandlers(ctx),
    ...minutesStyleHandlers(ctx),
    ...opinionsHandlers(ctx),
    ...windowHandlers(ctx),
  };
}
