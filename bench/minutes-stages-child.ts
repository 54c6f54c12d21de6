/**
 * Child of bench/minutes.bench.ts: where a cold export of the 3,000-remark meeting spends its
 * CPU, stage by stage, each stage the process's first run of it (as in the channel): contract
 * validation, record checks, the model with its 公開版 review (one drawing), the Word
 * document (docx objects and spliced body XML), packing (the library's parts, deflate). CPU
 * time of the process (all threads), so a loaded machine inflates it less than wall time.
 * The channel's atomic write is not a stage here. Prints JSON: { stage: cpu ms }.
 * MINUTES_STAGES_PROFILE=<dir>: also writes a CPU profile of the stages (modules already
 * loaded) to <dir>/minutes-stages.cpuprofile, for chrome://inspect or any profile viewer.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';

async function main() {
  const { MinutesExportArgs } = await import('../shared/contract/minutes');
  const { checkMinutesRecords } = await import('../electron/services/minutes/handlers');
  const { publicMinutes } = await import('../shared/publication/review');
  const { assertPublishable } = await import('../shared/publication/redaction');
  const { minutesDocument } = await import('../electron/services/minutes/docx');
  const { ParagraphSplicer } = await import('../electron/services/minutes/docx-splice');
  const { syntheticMeeting } = await import('./minutes-fixture');
  const arg = structuredClone(syntheticMeeting());
  const profileDir = process.env.MINUTES_STAGES_PROFILE;
  const session = profileDir ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const out: Record<string, number> = {};
  let c0 = process.cpuUsage();
  const lap = (k: string) => {
    const c = process.cpuUsage(c0);
    out[k] = Math.round((c.user + c.system) / 1000);
    c0 = process.cpuUsage();
  };
  const args = MinutesExportArgs.parse(arg);
  lap('validate');
  checkMinutesRecords(args);
  lap('check');
  // As the channel does: one drawing of the model serves the 公開版 review and the document.
  const { model, review } = publicMinutes(args);
  assertPublishable(review);
  lap('review+model');
  const sp = new ParagraphSplicer();
  const doc = minutesDocument(model, sp);
  lap('document');
  await sp.pack(doc);
  lap('pack');
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(path.join(profileDir!, 'minutes-stages.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
