/** 「サンプルを読み込む」: the seed-004 council, written in one transaction. */
import { buildSampleCouncil, SAMPLE_COUNCIL_NAME } from '../../../resources/sample/iizuka';
import type { ShingikaiDB } from './database';
import { importBundle } from './bundle';
import { db as appDb } from './db';

export async function loadSampleCouncil(db: ShingikaiDB): Promise<{ councilId: string; created: boolean }> {
  const existing = await db.councils.where('name').equals(SAMPLE_COUNCIL_NAME).first();
  if (existing) return { councilId: existing.id, created: false };
  return { councilId: await importBundle(db, buildSampleCouncil()), created: true };
}

/** The sample loaded into the app's own database (the 「サンプルを読み込む」 command). */
export async function loadSampleIntoApp(): Promise<{ councilId: string; created: boolean }> {
  return loadSampleCouncil(appDb);
}
