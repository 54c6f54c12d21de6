/** Handlers of the team channels (「チームで使う」): the connection test and the settings kept in main. */
import { attachmentsDir, type ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';
import { AppError } from '../../../shared/errors';
import { testConnection } from './connection';
import { readAttachmentPiece } from './files';
import { publicConfig, readTeam, saveTeam } from './store';

type TeamChannel = 'team:test:connection' | 'team:get:config' | 'team:save:config' | 'team:read:attachment';

export function teamHandlers(ctx: ServiceContext): { [C in TeamChannel]: Handler<C> } {
  return {
    'team:test:connection': async ({ serverUrl, username, password, councilId }) => {
      const stored = password === undefined ? (await readTeam(ctx.dataDir, ctx.secrets)).password : password;
      if (stored === null || stored === undefined)
        throw new AppError('INVALID_ARGUMENT', 'パスワードを入力してください。');
      return testConnection(serverUrl, { username, password: stored }, councilId);
    },
    'team:get:config': async () => publicConfig(await readTeam(ctx.dataDir, ctx.secrets)),
    'team:save:config': async (arg) => publicConfig(await saveTeam(ctx.dataDir, arg, ctx.secrets)),
    'team:read:attachment': ({ storedName, offset, length }) =>
      readAttachmentPiece(attachmentsDir(ctx), storedName, offset, length),
  };
}
