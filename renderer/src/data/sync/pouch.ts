/**
 * The part of PouchDB's API the mirror uses, typed here (PouchDB ships no types). Both
 * pouchdb-browser (the app) and pouchdb-node / pouchdb-adapter-memory (tests, the CLI)
 * satisfy it; the mirror never imports PouchDB itself, so it runs wherever a database is handed in.
 */

export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  _revisions?: { start: number; ids: string[] };
  [field: string]: unknown;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  doc?: PouchDoc;
  deleted?: boolean;
}

export interface PouchChanges {
  results: PouchChange[];
  last_seq: number | string;
}

export interface PouchWriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: boolean | string;
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}

/** An event emitter that is also a promise (PouchDB's changes and sync handlers). */
export interface PouchEmitter extends PromiseLike<unknown> {
  on(event: string, listener: (...args: unknown[]) => void): PouchEmitter;
  cancel(): void;
  catch(onrejected: (reason: unknown) => unknown): Promise<unknown>;
}

export interface PouchDatabase {
  readonly name: string;
  get(id: string, options?: { rev?: string; conflicts?: boolean; open_revs?: string[] | 'all' }): Promise<unknown>;
  allDocs(options: {
    keys?: string[];
    include_docs?: boolean;
    conflicts?: boolean;
    startkey?: string;
    endkey?: string;
    limit?: number;
    skip?: number;
  }): Promise<{
    total_rows?: number;
    rows: {
      id: string;
      key: string;
      value?: { rev: string; deleted?: boolean };
      doc?: PouchDoc | null;
      error?: string;
    }[];
  }>;
  bulkDocs(docs: PouchDoc[], options?: { new_edits?: boolean }): Promise<PouchWriteResult[]>;
  put(doc: PouchDoc): Promise<PouchWriteResult>;
  /** An attachment's bytes: a Blob in the browser, a Buffer in Node. */
  getAttachment?(id: string, name: string): Promise<unknown>;
  changes(options: {
    since?: number | string;
    limit?: number;
    include_docs?: boolean;
    conflicts?: boolean;
    live?: boolean;
    /** 'all_docs': each change lists every leaf revision, not only the winner. */
    style?: 'main_only' | 'all_docs';
  }): Promise<PouchChanges> & PouchEmitter;
  sync(remote: PouchDatabase | string, options: Record<string, unknown>): PouchEmitter;
  info(): Promise<{ doc_count: number; update_seq: number | string }>;
  close(): Promise<void>;
}

/**
 * PouchDB's replicator reads the remote's `info()` for its progress figures without handling
 * a failure, so a server that dies mid-request raises an unhandled rejection (seen in the
 * feasibility spike, the randomized test and the files mirror's test). Every replication (records
 * and files) goes to the server through this: the remote's `info()` is wrapped: a failure
 * still reaches every caller that handles it, and is never reported as unhandled.
 */
export function replicationTarget(remote: PouchDatabase | string): PouchDatabase | string {
  if (typeof remote === 'string') return remote;
  const info = remote.info.bind(remote);
  remote.info = () => QuietPromise.resolve().then(() => info());
  return remote;
}

/** A promise whose derived promises never count as unhandled (a `.then` without a rejection handler gets a silent one). */
class QuietPromise<T> extends Promise<T> {
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    const next = super.then(onFulfilled, onRejected);
    if (!onRejected) next.catch(() => undefined);
    return next;
  }
}
