/** pouchdb-browser ships no types: the part the app uses is typed in ./pouch.ts. */
declare module 'pouchdb-browser' {
  const PouchDB: new (name: string, options?: Record<string, unknown>) => import('./pouch').PouchDatabase;
  export default PouchDB;
}
