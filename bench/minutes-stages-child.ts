/**
 * Child of bench/minutes.bench.ts: where a cold export of the 3,000-remark meeting spends its
 * CPU, stage by stage, each stage the process's first run of it (as in the channel): contract
 * validation, record checks, the 公開版 review (it builds its own model), the model, the Word
 * document (docx objects and spliced body XML), packing (the library's parts, deflate). CPU
 * time of the process (all threads), so a loaded machine inflates it less than wall time.
 * The channel's atomic write is not a stage here. Prints JSON: { stage: cpu ms }.
 */
async function main() {
  const { MinutesExportArgs } = await import('../shared/contract/minutes');
  const { checkMinutesRecords } = await import('../electron/services/minutes/handlers');
  const { assertMinutesPublishable } = await import('../shared/publication/review');
  const { buildMinutesModel } = await import('../shared/minutes/model');
  const { minutesDocument } = await import('../electron/services/minutes/docx');
  const { ParagraphSplicer } = await import('../electron/services/minutes/docx-splice');
  const { syntheticMeeting } = await import('./minutes-fixture');
  const arg = structuredClone(syntheticMeeting());
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
  if (args.mode === 'public') assertMinutesPublishable(args);
  lap('review');
  const model = buildMinutesModel(args);
  lap('model');
  const sp = new ParagraphSplicer();
  const doc = minutesDocument(model, sp);
  lap('document');
  await sp.pack(doc);
  lap('pack');
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
