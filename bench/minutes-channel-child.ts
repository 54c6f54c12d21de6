/**
 * Child of bench/minutes.bench.ts: one cold export of the 3,000-remark meeting through the
 * real channel (`minutes:export:docx` via dispatch, real ServiceContext): contract
 * validation, record checks, model, Word build, atomic write. Modules are loaded first (the
 * app loads them at start); the call itself is the process's first. Prints JSON: ms, cpuMs (the
 * process's CPU time during the call, all threads), bytes, importMs.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

async function main() {
  const t0 = performance.now();
  const { createHandlers } = await import('../electron/main/handlers');
  const { dispatch } = await import('../electron/core/dispatch');
  const { benchServiceContext } = await import('./service-context');
  const { syntheticMeeting } = await import('./minutes-fixture');
  const importMs = performance.now() - t0;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shingikai-bench-minutes-'));
  try {
    const handlers = createHandlers(await benchServiceContext(dir));
    const arg = structuredClone(syntheticMeeting());
    const c1 = process.cpuUsage();
    const t1 = performance.now();
    const res = await dispatch(handlers, 'minutes:export:docx', arg);
    const ms = performance.now() - t1;
    const cpu = process.cpuUsage(c1);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    if (!res.ok) throw new Error(JSON.stringify(res.error));
    const saved = res.value as { path: string; bytes: number };
    if (statSync(saved.path).size !== saved.bytes) throw new Error('size mismatch');
    process.stdout.write(JSON.stringify({ ms, cpuMs, bytes: saved.bytes, importMs }) + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
