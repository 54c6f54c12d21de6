/**
 * The search worker: holds the index (built and updated here, off the page's thread) and
 * answers queries. Messages are described in protocol.ts.
 */
import { IndexKeeper } from './keeper';
import { searchSource } from './data';
import type { FromWorker, ToWorker } from './protocol';

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);
const keeper = new IndexKeeper(searchSource, (status) => post({ type: 'status', ...status }));
const started = keeper.start();
/** The newest search asked: an older one still waiting (typing ahead of the answers) is skipped. */
let newest = 0;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'sync') void keeper.sync();
  else if (m.type === 'rebuild') void keeper.rebuild();
  else if (m.type === 'search') {
    newest = Math.max(newest, m.id);
    void started
      .then(() => keeper.searchUnlessStale(m.query, m.filters, m.options, () => m.id < newest))
      .then(
        (result) => post(result ? { type: 'result', id: m.id, result } : { type: 'skipped', id: m.id }),
        (error: unknown) => post({ type: 'error', id: m.id, message: String(error) }),
      );
  }
};
