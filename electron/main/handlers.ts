/**
 * Channel → service: the wiring of every feature. Every channel of the contract must have
 * its handler here: the `Handlers` type makes a missing one a compile error. A feature adds
 * a `xxxHandlers(ctx)` function in its own module (electron/services/<feature>/handlers.ts)
 * and spreads it in below. This file imports no 'electron': main (IPC) and the browser-mode
 * server both build their handlers with it.
 */
import { attachmentsDir, backupsDir, type ServiceContext } from '../core/context';
import type { Handler, Handlers } from '../core/dispatch';
import { BackupUploads, listBackups } from '../services/backups';
import { checkSettingsPatch, requireSavedPath } from '../services/save-document';
import { actionsHandlers } from '../services/actions/handlers';
import { councilsHandlers } from '../services/councils/handlers';
import { datasafeHandlers } from '../services/datasafe-handlers';
import { draftsHandlers } from '../services/drafts/handlers';
import { htmlHandlers } from '../services/html/handlers';
import { opinionsHandlers } from '../services/opinions/handlers';
import type { Channel } from '../../shared/contract';
import { minutesHandlers } from '../services/minutes/handlers';
import { teamHandlers } from '../services/team/handlers';
import { templatesHandlers } from '../services/templates/handlers';
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
  | 'backup:list'
  | 'backup:write:begin'
  | 'backup:write:part'
  | 'backup:write:end'
  | 'backup:write:abort'
> {
  const uploads = new BackupUploads(
    () => backupsDir(ctx),
    () => ctx.settings.get().backupKeep,
    () => ({ attachmentsDir: attachmentsDir(ctx), appVersion: ctx.appVersion }),
  );
  return {
    'app:get:info': () => ({
      name: '審議会デスク',
      version: ctx.appVersion,
      mode: ctx.platform.mode,
      dataDir: ctx.dataDir,
      exportDir: ctx.fixedExportDir,
    }),
    'settings:get:all': () => ctx.settings.get(),
    'settings:update': async (patch) => ctx.settings.update(await checkSettingsPatch(patch)),
    'file:open:saved': async ({ path }) => {
      await ctx.platform.openPath(requireSavedPath(ctx, path));
      return {};
    },
    'file:show:saved': async ({ path }) => {
      await ctx.platform.showInFolder(requireSavedPath(ctx, path));
      return {};
    },
    'backup:list': () => listBackups(backupsDir(ctx)),
    'backup:write:begin': ({ reason }) => uploads.begin(reason),
    'backup:write:part': ({ id, index, bytes }) => uploads.part(id, index, bytes),
    'backup:write:end': ({ id }) => uploads.end(id),
    'backup:write:abort': ({ id }) => uploads.abort(id),
  };
}

export function createHandlers(ctx: ServiceContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...actionsHandlers(ctx),
    ...councilsHandlers(ctx),
    ...datasafeHandlers(ctx),
    ...draftsHandlers(ctx),
    ...htmlHandlers(ctx),
    ...minutesHandlers(ctx),
    ...minutesStyleHandlers(ctx),
    ...opinionsHandlers(ctx),
    ...templatesHandlers(ctx),
    ...teamHandlers(ctx),
    ...windowHandlers(ctx),
  };
}
