/**
 * Re-reading the council's opinions answers new objects for all of them; these keep the
 * previous object of each opinion whose values did not change (see boardIndex.ts).
 */
import type { Opinion } from '../../../../shared/domain';

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((x, i) => x === b[i]);
}

/** Whether two readings of an opinion hold the same values (its fields are plain values and arrays of ids). */
export function sameOpinion(a: Opinion, b: Opinion): boolean {
  const ka = Object.keys(a) as (keyof Opinion)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => sameValue(a[k], b[k]));
}

/**
 * The list with every unchanged opinion replaced by its object from the previous reading
 * (the same array when nothing changed at all).
 */
export function stabilise(prev: readonly Opinion[] | undefined, next: Opinion[]): Opinion[] {
  if (!prev) return next;
  const byId = new Map(prev.map((o) => [o.id, o]));
  let changed = prev.length !== next.length;
  const out = next.map((o, i) => {
    const old = byId.get(o.id);
    if (old && sameOpinion(old, o)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return o;
  });
  return changed ? out : (prev as Opinion[]);
}
