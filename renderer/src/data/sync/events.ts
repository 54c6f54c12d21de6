/**
 * Node's `events` for pouchdb-browser in the page (vite.config.ts aliases `events` here): the
 * part of EventEmitter PouchDB uses, with Node's 'newListener' / 'removeListener' events. PouchDB copies the enumerable methods of
 * `EventEmitter.prototype` onto its constructor, so the methods are made enumerable, as in
 * Node's own (function-style) emitter.
 */
type Listener = (...args: unknown[]) => void;

export class EventEmitter {
  private _events?: Map<string | symbol, Listener[]>;

  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  private table(): Map<string | symbol, Listener[]> {
    if (!this._events) this._events = new Map();
    return this._events;
  }

  on(type: string | symbol, listener: Listener): this {
    // As Node's: 'newListener' before the listener is added (PouchDB's sync wires its halves on it).
    if (this.listenerCount('newListener')) this.emit('newListener', type, listener);
    const t = this.table();
    t.set(type, [...(t.get(type) ?? []), listener]);
    return this;
  }

  addListener(type: string | symbol, listener: Listener): this {
    return this.on(type, listener);
  }

  once(type: string | symbol, listener: Listener): this {
    const wrapped: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(type, wrapped);
      listener.apply(this, args);
    };
    wrapped.listener = listener;
    return this.on(type, wrapped);
  }

  removeListener(type: string | symbol, listener: Listener): this {
    const t = this.table();
    const list = t.get(type);
    if (!list) return this;
    const i = list.findIndex((l) => l === listener || (l as { listener?: Listener }).listener === listener);
    if (i >= 0) {
      const next = [...list.slice(0, i), ...list.slice(i + 1)];
      if (next.length) t.set(type, next);
      else t.delete(type);
      if (this.listenerCount('removeListener')) this.emit('removeListener', type, listener);
    }
    return this;
  }

  off(type: string | symbol, listener: Listener): this {
    return this.removeListener(type, listener);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) this._events = new Map();
    else for (const l of [...(this.table().get(type) ?? [])]) this.removeListener(type, l);
    return this;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = this.table().get(type);
    if (!list?.length) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const l of [...list]) l.apply(this, args);
    return true;
  }

  listeners(type: string | symbol): Listener[] {
    return [...(this.table().get(type) ?? [])].map((l) => (l as { listener?: Listener }).listener ?? l);
  }

  listenerCount(type: string | symbol): number {
    return this.table().get(type)?.length ?? 0;
  }

  setMaxListeners(): this {
    return this;
  }

  getMaxListeners(): number {
    return 0;
  }
}

for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key === 'constructor') continue;
  const d = Object.getOwnPropertyDescriptor(EventEmitter.prototype, key)!;
  Object.defineProperty(EventEmitter.prototype, key, { ...d, enumerable: true });
}

export default EventEmitter;
