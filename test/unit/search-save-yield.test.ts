/**
 * The index save gives way to searches (issue 15: a keystroke's search waited seconds behind the
 * write of a large index): while the user types, the save is put off; once they pause, it is written.
 */
import { describe, expect, it } from 'vitest';
import { IndexKeeper, type KeeperSource } from '../../renderer/src/features/search/keeper';
import type { SearchDoc } from '../../shared/search/types';

const doc = (i: number): SearchDoc => ({
  key: `remarks:r${i}`,
  kind: 'remark',
  councilId: 'c',
  isPublic: true,
  texts: { text: `地域福祉の推進について ${i}` },
});

function source(saves: number[]): KeeperSource {
  return {
    load: async () => undefined,
    save: async () => void saves.push(Date.now()),
    lastChange: async () => undefined,
    changeAt: async () => undefined,
    changesAfter: async () => [],
    allDocs: async () => Array.from({ length: 50 }, (_, i) => doc(i)),
    docsOf: async () => new Map(),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('saving the search index', () => {
  it('is written after the delay when nobody searches', async () => {
    const saves: number[] = [];
    const keeper = new IndexKeeper(source(saves), () => {}, 100);
    await keeper.start();
    await sleep(400);
    expect(saves).toHaveLength(1);
  });

  it('is put off while searches come (typing) and written once they pause', async () => {
    const saves: number[] = [];
    const keeper = new IndexKeeper(source(saves), () => {}, 100);
    await keeper.start();
    const typingUntil = Date.now() + 700;
    let answered = 0;
    while (Date.now() < typingUntil) {
      const r = await keeper.search('推進', {}, {});
      if (r.total === 50) answered++;
      await sleep(40);
    }
    const stopped = Date.now();
    expect(answered).toBeGreaterThan(5);
    expect(saves).toHaveLength(0); // the due save (at 100 ms) did not start between keystrokes
    await sleep(600);
    expect(saves).toHaveLength(1);
    expect(saves[0]!).toBeGreaterThanOrEqual(stopped);
  });
});
