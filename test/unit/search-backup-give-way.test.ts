/**
 * The search index keeper gives way to a backup being written (issue 14: typing while a full
 * backup of the large installation ran got slow again once the keeper's index could be stored —
 * it read every record and wrote 142 MB in the same IndexedDB beside the backup): the pages say
 * on a channel that a backup runs and that keys are pressed (data/activity.ts); the keeper reads
 * the records and writes its index after the backup, unless a search waits for it.
 */
import { describe, expect, it } from 'vitest';
import {
  announceBackup,
  announceInputs,
  GiveWay,
  hearInputs,
  BACKUP_HEARTBEAT_MS,
  INPUT_SIGNAL_MS,
  type InputSource,
} from '../../renderer/src/data/activity';
import { IndexKeeper, type KeeperSource } from '../../renderer/src/features/search/keeper';
import type { SearchDoc } from '../../shared/search/types';

const doc = (i: number): SearchDoc => ({
  key: `remarks:r${i}`,
  kind: 'remark',
  councilId: 'c',
  isPublic: true,
  texts: { text: `地域福祉の推進について ${i}` },
});

function source(log: string[]): KeeperSource {
  return {
    load: async () => void log.push('load'),
    save: async (_state, pace) => {
      await pace?.();
      log.push('save');
    },
    lastChange: async () => undefined,
    changeAt: async () => undefined,
    changesAfter: async () => [],
    allDocs: async () => {
      log.push('read all');
      return Array.from({ length: 50 }, (_, i) => doc(i));
    },
    docsOf: async () => new Map(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the search keeper beside a backup', () => {
  it('reads the records and writes its index only after the backup is written', async () => {
    const log: string[] = [];
    const giveWay = new GiveWay();
    giveWay.hear({ type: 'backup', running: true });
    const keeper = new IndexKeeper(source(log), () => {}, 0, giveWay);
    const started = keeper.start();
    await sleep(600);
    expect(log).toEqual([]);
    expect(keeper.ready).toBe(false);

    giveWay.hear({ type: 'backup', running: false });
    await started;
    expect(log).toEqual(['load', 'read all']);
    await sleep(300);
    expect(log).toEqual(['load', 'read all', 'save']);
    expect((await keeper.search('地域福祉', {}, {})).total).toBe(50);
  });

  it('a search asked during the backup is answered: the build goes on, the write still waits', async () => {
    const log: string[] = [];
    const giveWay = new GiveWay();
    giveWay.hear({ type: 'backup', running: true });
    const keeper = new IndexKeeper(source(log), () => {}, 0, giveWay);
    const started = keeper.start();
    keeper.searchAsked();
    await started;
    expect((await keeper.search('地域福祉', {}, {})).total).toBe(50);
    await sleep(600);
    expect(log).toEqual(['load', 'read all']);
    giveWay.hear({ type: 'backup', running: false });
    await sleep(600);
    expect(log).toEqual(['load', 'read all', 'save']);
  });

  it('a backup whose window went silent holds nobody: it counts for three heartbeats only', async () => {
    let now = 0;
    const giveWay = new GiveWay(
      () => now,
      async (ms) => void (now += ms),
    );
    giveWay.hear({ type: 'backup', running: true });
    expect(giveWay.backupRunning).toBe(true);
    now += 3 * BACKUP_HEARTBEAT_MS - 1;
    expect(giveWay.backupRunning).toBe(true);
    now += 1;
    expect(giveWay.backupRunning).toBe(false);

    // the wait ends when the heartbeats stop, resting 40 ms a step while keys come
    giveWay.hear({ type: 'backup', running: true });
    const from = now;
    await giveWay.afterBackup();
    expect(now - from).toBeGreaterThanOrEqual(3 * BACKUP_HEARTBEAT_MS);
    giveWay.hear({ type: 'input' });
    const before = now;
    await giveWay.rest();
    expect(now - before).toBe(40);
  });
  it('a worker started while a backup is already being written learns of it (it asks the windows)', async () => {
    const backup = announceBackup();
    await sleep(50);
    const giveWay = new GiveWay();
    const stop = giveWay.listen();
    let waited = false;
    const wait = giveWay.afterBackup().then(() => (waited = true));
    await sleep(800);
    expect(giveWay.backupRunning).toBe(true);
    expect(waited).toBe(false);
    backup.end();
    await wait;
    expect(giveWay.backupRunning).toBe(false);
    stop();
  });
  it('a search asked at start does not wait for the windows to answer whether a backup runs', async () => {
    let now = 0;
    const slept: number[] = [];
    const giveWay = new GiveWay(
      () => now,
      async (ms) => {
        slept.push(ms);
        now += ms;
      },
    );
    const stop = giveWay.listen();
    await giveWay.afterBackup(() => true);
    expect(now).toBe(0);
    // nobody waiting: the worker gives the windows their time to answer, as before
    await giveWay.afterBackup();
    expect(now).toBeGreaterThanOrEqual(300);
    expect(slept.every((ms) => ms <= 20)).toBe(true);
    stop();
  });
  it('work that can wait starts in a pause of the typing, after the backup; a search asked does not wait', async () => {
    let now = 0;
    let typedUntil = 0;
    const giveWay = new GiveWay(
      () => now,
      async (ms) => {
        now += ms;
        if (now < typedUntil) giveWay.hear({ type: 'input' }); // keys keep coming until typedUntil
      },
    );
    giveWay.hear({ type: 'backup', running: true });
    giveWay.hear({ type: 'input' });
    typedUntil = 20_000;
    const done = giveWay.afterBackup().then(() => now);
    await sleep(0);
    giveWay.hear({ type: 'backup', running: false });
    // the backup ended at once, but keys went on for 20 s (the last at 19.75 s, in the steps of the
    // wait): the work starts half a second after the last key
    const started = await done;
    expect(started).toBeGreaterThanOrEqual(19_750 + 500);
    expect(started).toBeLessThan(21_000);
    // while keys come, a search asked is answered at once
    typedUntil = Infinity;
    giveWay.hear({ type: 'input' });
    const from = now;
    await giveWay.afterBackup(() => true);
    expect(now - from).toBeLessThanOrEqual(1000); // one rest at most
  });
  it('a page tells the workers of keys and clicks at most every INPUT_SIGNAL_MS, with no backup running', async () => {
    const listeners = new Map<string, (event: { timeStamp: number }) => void>();
    const page: InputSource = {
      addEventListener: (type, listener) => void listeners.set(type, listener),
      removeEventListener: (type) => void listeners.delete(type),
    };
    const stop = announceInputs(page);
    const heard: string[] = [];
    const stopHearing = hearInputs(() => heard.push('input')); // as the backup worker hears them
    for (let t = 0; t < 1000; t += 50) listeners.get('keydown')!({ timeStamp: t });
    listeners.get('pointerdown')!({ timeStamp: 1000 });
    await sleep(100);
    expect(heard).toEqual(Array(1000 / INPUT_SIGNAL_MS + 1).fill('input'));
    stop();
    expect(listeners.size).toBe(0);
    stopHearing();
  });
});
