/**
 * The page's stand-in for Node's `events` (pouchdb-browser imports it; vite.config.ts aliases
 * it): the same calls give the same listener order as Node's own EventEmitter, including the
 * 'newListener' / 'removeListener' events PouchDB's sync() wires its push and pull halves on
 * (without them the live sync never reports 'paused', and the shell would show 同期中 for ever).
 */
import NodeEmitter from 'node:events';
import { describe, expect, it } from 'vitest';
import { EventEmitter } from '../../renderer/src/data/sync/events';

describe('events stand-in for pouchdb-browser', () => {
  for (const [name, E] of [
    ['stand-in', EventEmitter],
    ['node', NodeEmitter as unknown as typeof EventEmitter],
  ] as const) {
    it(`${name}: once, removeAllListeners, newListener and removeListener in Node's order`, () => {
      const e = new E();
      const log: string[] = [];
      e.on('newListener', (t: unknown) => log.push(`new:${String(t)}`));
      e.on('removeListener', (t: unknown) => log.push(`rm:${String(t)}`));
      const f = () => log.push('f');
      e.once('x', f);
      expect(e.listeners('x')).toEqual([f]);
      e.emit('x');
      e.emit('x');
      e.on('y', f);
      expect(e.listenerCount('y')).toBe(1);
      e.removeAllListeners('y');
      e.emit('y');
      expect(log).toEqual(['new:removeListener', 'new:x', 'rm:x', 'f', 'new:y', 'rm:y']);
      // PouchDB copies the prototype's enumerable methods onto its constructor.
      expect(Object.keys(E.prototype)).toEqual(expect.arrayContaining(['on', 'once', 'emit', 'removeListener']));
    });
  }
});
