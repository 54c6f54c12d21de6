/** 「チームで使う」: the councils that can be shared (their names), and the team settings kept in main. */
import { db } from '../../../data/db';
import { useLiveQuery } from '../../../data/live';
import { call } from '../../../platform/bridge';
import type { ArgOf } from '../../../../../shared/contract';
import { startTeamSync } from '../../../data/sync/runtime';

export function useCouncilChoices(): { id: string; name: string }[] | undefined {
  return useLiveQuery(async () => (await db.councils.toArray()).map((c) => ({ id: c.id, name: c.name })), []);
}

export const readTeamConfig = () => call('team:get:config', {});
export const saveTeamConfig = (arg: ArgOf<'team:save:config'>) => call('team:save:config', arg);
export const testTeamConnection = (arg: ArgOf<'team:test:connection'>) => call('team:test:connection', arg);
/** Starts, restarts or stops team sync as the saved settings say. */
export const restartTeamSync = () => startTeamSync();
