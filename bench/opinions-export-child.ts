/**
 * Child process of bench/opinions.bench.ts, one measurement per process (so the peak is
 * this export's own):
 *   `channel N`  — the 分野別意見一覧 .xlsx of N opinions through the real channel
 *                  (`opinions:export:document` via dispatch with a real ServiceContext):
 *                  contract validation, build, streamed atomic write of the file.
 *                  The argument is made (and cloned, as IPC delivers it) before the
 *                  baseline is taken: what is timed and measured is main's own work.
 *   `rows N file` — writes the same rows (the values the workbook holds, one JSON array a
 *                  line, the header first) and the column widths to `file`, for the openpyxl peer.
 * Prints JSON: ms, peakRssMb (VmHWM), baselineRssMb, aboveMb, bytes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { opinionDocumentData } from '../electron/services/opinions/samples';
import { opinionWorkbook } from '../electron/services/opinions/documents';
import { createHandlers } from '../electron/main/handlers';
import { dispatch } from '../electron/core/dispatch';
import { benchServiceContext } from './service-context';
import type { Opinion } from '../shared/domain';

const mode = process.argv[2] ?? 'channel';
const N = Number(process.argv[3] ?? 100_000);

function opinionData() {
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
  return { ...data, opinions };
}

async function channel() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-opinions-'));
  try {
    const handlers = createHandlers(await benchServiceContext(dir));
    // What arrives in main: a structured clone of the renderer's argument.
    const arg = structuredClone({ kind: 'list', format: 'xlsx', publication: true, data: opinionData() });
    global.gc?.();
    // The peak of the export itself: VmHWM reset now (Linux /proc/self/clear_refs), read after.
    writeFileSync('/proc/self/clear_refs', '5');
    const baseline = process.memoryUsage().rss;
    const t0 = performance.now();
    const res = await dispatch(handlers, 'opinions:export:document', arg);
    const ms = performance.now() - t0;
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    const saved = res.value as { path: string; bytes: number };
    if (statSync(saved.path).size !== saved.bytes) throw new Error('size mismatch');
    return {
      ms,
      peakRssMb: hwm / 1048576,
      baselineRssMb: baseline / 1048576,
      aboveMb: (hwm - baseline) / 1048576,
      bytes: saved.bytes,
      leftovers: readdirSync(path.join(dir, 'exports')).length - 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rows(file: string) {
  const wb = opinionWorkbook('list', opinionData(), true);
  const sheet = wb.sheets[0]!;
  const lines = [JSON.stringify({ title: sheet.title, name: sheet.name })];
  lines.push(JSON.stringify(sheet.columns.map((c: { header: string }) => c.header)));
  for (const r of sheet.rows)
    lines.push(
      JSON.stringify(
        sheet.columns.map((c: { value: (r: unknown) => unknown }) => {
          const v = c.value(r);
          return v instanceof Date ? v.toISOString().slice(0, 10) : v;
        }),
      ),
    );
  writeFileSync(file, lines.join('\n') + '\n');
}

async function main() {
  if (mode === 'rows') return rows(process.argv[4]!);
  process.stdout.write(JSON.stringify(await channel()) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
