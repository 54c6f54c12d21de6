/**
 * Live queries for screens: re-run when the records they read change. Screens call it with
 * a query function from their feature's data.ts (or data/queries.ts), never with Dexie itself.
 * Returns undefined until the first result.
 */
export { useLiveQuery } from 'dexie-react-hooks';
