/** Search everything (issue 15): the shell's search field, the worker-held index, landing on a hit. */
export { SearchLauncher } from './SearchLauncher';
export { SEARCH_SHORTCUTS } from './shortcuts';
export { useHighlightId, useSelectHighlighted } from './highlight';
export { rebuildSearchIndex, startSearchWorker, stopSearchWorker } from './client';
