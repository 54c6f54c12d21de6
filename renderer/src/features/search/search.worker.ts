/**
 * The search worker: holds the index (built and updated here, off the page's thread) and
 * answers queries. Messages are described in protocol.ts.
 */
import { IndexKeeper } from './keeper';
import { searchSource } from './data';
import type { FromWorker, ToWorker } from './protocol';
import { shownResult } from './shown';
import { GiveWay } from '../../data/activity';

const post = (message: FromWorker) => (self as unknown as Worker).postMessage(message);
/** Keys pressed and backups written in the app's windows (data/activity.ts): the keeper gives way to them. */
const giveWay = new GiveWay();
giveWay.listen();
const keeper = new IndexKeeper(searchSource, (status) => post({ type: 'status', ...status }), undefined, giveWay);
const started = keeper.start();
/** The newest search asked: an older one still waiting (typing ahead of the answers) is skipped. */
let newest = 0;

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'sync') void keeper.sync();
  else if (m.type === 'rebuild') void keeper.rebuild();
  else if (m.type === 'search') {
    newest = Math.max(newest, m.id);
    keeper.searchAsked();
    const received = performance.now();
    let began = received;
    void started
      .then(() =>
        keeper.searchUnlessStale(m.query, m.filters, m.options, () => {
          began = performance.now();
          return m.id < newest;
        }),
      )
      .then(
        (result) => {
          if (!result) return post({ type: 'skipped', id: m.id });
          const timing = { wait: began - received, run: performance.now() - began };
          // one measure in the worker's timeline (a profile shows it); only the latest is kept
          performance.clearMeasures('search:run');
          performance.measure('search:run', { start: began, duration: timing.run, detail: { query: m.query } });
          // only what the panel shows crosses to the page (shown.ts)
          post({ type: 'result', id: m.id, result: shownResult(result), timing });
        },
        (error: unknown) => post({ type: 'error', id: m.id, message: String(error) }),
      );
  }
};
