/**
 * Backups are written one at a time (issue 14): the first automatic backup, a minute after start,
 * ran beside a manual backup of the large installation that was still being written, so the
 * whole database was read twice at once while the user typed. Now an automatic backup asked
 * while another is written is that one, and a manual one waits for it and then writes its own.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

/** The main side as the bridge reaches it: each begin waits until the test lets it go on. */
const calls: string[] = [];
const gates: (() => void)[] = [];
let nextId = 0;
vi.mock('../../renderer/src/platform/bridge', () => ({
  bridge: {
    mode: 'electron',
    invoke: async (channel: string, arg: { reason?: string; id?: string }) => {
      calls.push(arg.reason ? `${channel} ${arg.reason}` : channel);
      if (channel === 'backup:write:begin') {
        await new Promise<void>((resolve) => gates.push(resolve));
        return { ok: true, value: { id: `b${++nextId}` } };
      }
      if (channel === 'backup:write:end')
        return { ok: true, value: { name: `backup-${arg.id}.json`, size: 1, createdAt: '2026-01-01T00:00:00.000Z' } };
      return { ok: true, value: {} };
    },
  },
  call: async () => ({}),
}));

// by a path the node typecheck does not follow (backup.ts is page code: DOM types)
const backupModule = '../../renderer/src/data/backup';
const { backupNow } = (await import(/* @vite-ignore */ backupModule)) as {
  backupNow: (reason: 'auto' | 'manual') => Promise<{ name: string }>;
};

const begun = () => calls.filter((c) => c.startsWith('backup:write:begin'));
/** Until `n` backups have begun (reading the database comes first), then a little longer. */
async function settle(n: number): Promise<void> {
  for (let i = 0; i < 200 && begun().length < n; i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 300));
}

describe('backups one at a time', () => {
  it('an automatic backup asked while one is written is that one; a manual one waits and writes its own', async () => {
    const manual = backupNow('manual');
    await settle(1);
    const auto = backupNow('auto');
    const second = backupNow('manual');
    await settle(2);
    // only the first has begun
    expect(begun()).toEqual(['backup:write:begin manual']);

    gates.shift()!();
    const first = await manual;
    expect(await auto).toEqual(first);
    await settle(2);
    expect(begun()).toEqual(['backup:write:begin manual', 'backup:write:begin manual']);
    gates.shift()!();
    expect((await second).name).not.toBe(first.name);

    // nothing running: an automatic backup is written
    const later = backupNow('auto');
    await settle(3);
    gates.shift()!();
    expect((await later).name).toBe('backup-b3.json');
    expect(begun()).toHaveLength(3);
  });
});
