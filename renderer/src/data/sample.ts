/** 「サンプルを読み込む」: the seed-004 council with its sample action plan, written in one transaction. */
import { buildSampleCouncil, SAMPLE_COUNCIL_NAME } from '../../../resources/sample/iizuka';
import { buildSampleActionPlan } from '../../../resources/sample/actions';
import type { ShingikaiDB } from './database';
import { importBundle, type CouncilBundleWithPlans } from './bundle';
import { db as appDb } from './db';

/** The sample council, its vision's action plan (sample data) and the opinions linked to its actions. */
export function buildSampleBundle(): CouncilBundleWithPlans {
  const bundle = buildSampleCouncil();
  const { opinions, ...plan } = buildSampleActionPlan(bundle);
  return { ...bundle, opinions, actionPlans: [plan] };
}

export async function loadSampleCouncil(db: ShingikaiDB): Promise<{ councilId: string; created: boolean }> {
  const existing = await db.councils.where('name').equals(SAMPLE_COUNCIL_NAME).first();
  if (existing) return { councilId: existing.id, created: false };
  return { councilId: await importBundle(db, buildSampleBundle()), created: true };
}

/** The sample loaded into the app's own database (the 「サンプルを読み込む」 command). */
export async function loadSampleIntoApp(): Promise<{ councilId: string; created: boolean }> {
  return loadSampleCouncil(appDb);
}
