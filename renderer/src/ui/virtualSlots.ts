/**
 * The React keys of the shown rows of a virtual list (by row key): a row shown in the previous
 * render keeps its key; a row new to the view takes the key of a row that left it, so React
 * updates that row's elements in place instead of removing one row and creating another (a
 * filter that changes every shown row costs an update of each, not a removal and a creation;
 * a scroll by a row, one update); else a new key from `fresh`. The slot of the `pinned` row
 * (the one holding the keyboard focus) is never given to another row.
 */
export function assignSlots(
  prev: ReadonlyMap<string, string>,
  shown: readonly string[],
  pinned: string | null,
  fresh: () => string,
): Map<string, string> {
  const next = new Map<string, string>();
  const taken = new Set<string>();
  for (const key of shown) {
    const slot = prev.get(key);
    if (slot !== undefined) {
      next.set(key, slot);
      taken.add(slot);
    }
  }
  const free: string[] = [];
  for (const [key, slot] of prev) if (!taken.has(slot) && key !== pinned) free.push(slot);
  let f = 0;
  for (const key of shown) if (!next.has(key)) next.set(key, f < free.length ? free[f++]! : fresh());
  return next;
}
