/**
 * Child process of bench/opinions.bench.ts: validates and builds the 分野別意見一覧 (or
 * 意見対応表) .xlsx of 10,000 opinions once and prints the time and this process's peak memory as JSON.
 */
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { opinionDocumentData } from '../electron/services/opinions/samples';
import { buildOpinionDocument } from '../electron/services/opinions/documents';
import type { Opinion } from '../shared/domain';
import { OpinionExportArgs } from '../shared/contract/opinions';

const N = Number(process.argv[2] ?? 10_000);
const kind = (process.argv[3] ?? 'list') as 'list' | 'responses';

async function main() {
  const bundle = buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' });
  const data = opinionDocumentData(bundle);
  const base = bundle.opinions;
  const opinions: Opinion[] = Array.from({ length: N }, (_, i) => {
    const o = base[i % base.length]!;
    return {
      ...o,
      id: `bench-${i}`,
      order: i + 1,
      memberId: bundle.members[i % bundle.members.length]!.id,
      summary: `${o.summary}（${i + 1}）`,
      response: i % 3 ? '' : '次期計画で検討し、所管課と調整のうえ反映します。',
      status: i % 3 ? '' : '反映する',
    };
  });
  let heapPeak = 0;
  const timer = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 20);
  const baseline = process.memoryUsage().rss;
  const t0 = performance.now();
  // What main does for the channel: validate the records against the contract, then build.
  const args = OpinionExportArgs.parse(
    JSON.parse(JSON.stringify({ kind, format: 'xlsx', publication: true, data: { ...data, opinions } })),
  );
  const { bytes } = await buildOpinionDocument(args.kind, args.format, args.data, args.publication);
  const ms = performance.now() - t0;
  clearInterval(timer);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  // maxRSS is in kilobytes.
  const peakRss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({
      ms,
      peakRssMb: peakRss,
      baselineRssMb: baseline / 1024 / 1024,
      heapPeakMb: heapPeak / 1024 / 1024,
      bytes: bytes.byteLength,
    }) + '\n',
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
