/**
 * Comparing two versions of a draft section by section. Sections are matched by id
 * (ids survive moves, renames and edits); inside a section the text lines are aligned
 * first, then changed lines get a character diff.
 */
import type { Block, Section } from '../domain';
import type { NumberingStyle } from '../numbering';
import { diffText, myers, similarity, type DiffOp } from './diff';
import { numberedHeading, outline, type OutlineEntry } from './tree';

export interface ComparableDoc {
  numbering: NumberingStyle;
  sections: readonly Section[];
}

/** A section's body as lines of text: a paragraph, a bullet (・…), a table row (cells joined by a full-width space). */
export function blockLines(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    if (b.type === 'paragraph') return [b.text];
    if (b.type === 'bullets') return b.items.map((i) => `・${i}`);
    return b.rows.map((r) => r.join('　'));
  });
}

export type LineStatus = 'equal' | 'changed' | 'added' | 'deleted' | 'moved-out' | 'moved-in';
export interface LineDiff {
  status: LineStatus;
  ops: DiffOp[];
}

/** Aligns the lines of two bodies: equal lines, changed lines (with their character diff), added, deleted and moved lines. */
export function compareLines(oldLines: readonly string[], newLines: readonly string[]): LineDiff[] {
  const edits = myers(oldLines, newLines);
  const out: LineDiff[] = [];
  let i = 0;
  while (i < edits.length) {
    const e = edits[i]!;
    if (e.op === 'equal') {
      out.push({ status: 'equal', ops: [{ op: 'equal', text: oldLines[e.a]! }] });
      i++;
      continue;
    }
    // A hunk of deletions and insertions: pair alike lines in order.
    const dels: string[] = [],
      ins: string[] = [];
    while (i < edits.length && edits[i]!.op !== 'equal') {
      const h = edits[i]!;
      if (h.op === 'delete') dels.push(oldLines[h.a]!);
      else ins.push(newLines[h.b]!);
      i++;
    }
    let next = 0;
    for (const d of dels) {
      let paired = -1;
      for (let j = next; j < ins.length; j++)
        if (similarity(d, ins[j]!) >= 0.4) {
          paired = j;
          break;
        }
      if (paired < 0) {
        out.push({ status: 'deleted', ops: [{ op: 'delete', text: d }] });
        continue;
      }
      for (; next < paired; next++) out.push({ status: 'added', ops: [{ op: 'insert', text: ins[next]! }] });
      out.push({ status: 'changed', ops: diffText(d, ins[paired]!) });
      next = paired + 1;
    }
    for (; next < ins.length; next++) out.push({ status: 'added', ops: [{ op: 'insert', text: ins[next]! }] });
  }
  // A line deleted in one place and added unchanged in another has moved.
  const deleted = new Map<string, LineDiff[]>();
  for (const l of out)
    if (l.status === 'deleted') deleted.set(l.ops[0]!.text, [...(deleted.get(l.ops[0]!.text) ?? []), l]);
  for (const l of out) {
    if (l.status !== 'added') continue;
    const twin = deleted.get(l.ops[0]!.text)?.shift();
    if (twin) {
      twin.status = 'moved-out';
      l.status = 'moved-in';
    }
  }
  return out;
}

export type SectionStatus = 'added' | 'deleted' | 'changed' | 'moved' | 'renumbered' | 'unchanged';
export const SECTION_STATUS_LABELS: Record<SectionStatus, string> = {
  added: '新設',
  deleted: '削除',
  changed: '変更',
  moved: '移動',
  renumbered: '番号変更',
  unchanged: '変更なし',
};

export interface SectionComparison {
  id: string;
  status: SectionStatus;
  /** Level in the new version (the old one for a deleted section). */
  level: number;
  old: OutlineEntry | null;
  new: OutlineEntry | null;
  /** The numbered heading, old → new. */
  heading: DiffOp[];
  headingChanged: boolean;
  renumbered: boolean;
  moved: boolean;
  lines: LineDiff[];
}

/** Sibling sections (present in both versions, under the same parent) whose relative order changed. */
function movedWithinParent(oldList: OutlineEntry[], newList: OutlineEntry[]): Set<string> {
  const oldPos = new Map(oldList.map((e, i) => [e.section.id, { i, parent: e.section.parentId }]));
  const moved = new Set<string>();
  const groups = new Map<string | null, string[]>();
  for (const e of newList) {
    const o = oldPos.get(e.section.id);
    if (!o || o.parent !== e.section.parentId) continue;
    groups.set(e.section.parentId, [...(groups.get(e.section.parentId) ?? []), e.section.id]);
  }
  for (const ids of groups.values()) {
    const byOld = [...ids].sort((a, b) => oldPos.get(a)!.i - oldPos.get(b)!.i);
    const kept = new Set(
      myers(byOld, ids)
        .filter((x) => x.op === 'equal')
        .map((x) => ids[x.b]!),
    );
    for (const id of ids) if (!kept.has(id)) moved.add(id);
  }
  return moved;
}

/** Section by section, in the new version's order; deleted sections stand where they stood in the old one. */
export function compareVersions(oldDoc: ComparableDoc, newDoc: ComparableDoc): SectionComparison[] {
  const oldList = outline(oldDoc.sections, oldDoc.numbering);
  const newList = outline(newDoc.sections, newDoc.numbering);
  const oldById = new Map(oldList.map((e) => [e.section.id, e]));
  const newById = new Map(newList.map((e) => [e.section.id, e]));
  const reordered = movedWithinParent(oldList, newList);

  const rows: SectionComparison[] = [];
  const compareOne = (o: OutlineEntry | null, n: OutlineEntry | null): SectionComparison => {
    const oldHeading = o ? numberedHeading(o, o.section.heading) : '';
    const newHeading = n ? numberedHeading(n, n.section.heading) : '';
    const lines = compareLines(o ? blockLines(o.section.blocks) : [], n ? blockLines(n.section.blocks) : []);
    const renumbered = !!o && !!n && o.path !== n.path;
    const headingChanged = !!o && !!n && o.section.heading !== n.section.heading;
    const moved = !!o && !!n && (o.section.parentId !== n.section.parentId || reordered.has(n.section.id));
    const bodyChanged = lines.some((l) => l.status !== 'equal');
    const status: SectionStatus = !o
      ? 'added'
      : !n
        ? 'deleted'
        : headingChanged || bodyChanged
          ? 'changed'
          : moved
            ? 'moved'
            : renumbered
              ? 'renumbered'
              : 'unchanged';
    return {
      id: (n ?? o)!.section.id,
      status,
      level: (n ?? o)!.level,
      old: o,
      new: n,
      heading: !o
        ? [{ op: 'insert', text: newHeading }]
        : !n
          ? [{ op: 'delete', text: oldHeading }]
          : diffText(oldHeading, newHeading),
      headingChanged,
      renumbered,
      moved,
      lines,
    };
  };
  // Deleted sections follow the nearest earlier (old-order) section that is still there.
  const deletedAfter = new Map<string | null, OutlineEntry[]>();
  let anchor: string | null = null;
  for (const e of oldList) {
    if (newById.has(e.section.id)) {
      anchor = e.section.id;
      continue;
    }
    deletedAfter.set(anchor, [...(deletedAfter.get(anchor) ?? []), e]);
  }
  for (const d of deletedAfter.get(null) ?? []) rows.push(compareOne(d, null));
  for (const n of newList) {
    rows.push(compareOne(oldById.get(n.section.id) ?? null, n));
    for (const d of deletedAfter.get(n.section.id) ?? []) rows.push(compareOne(d, null));
  }
  return rows;
}

export function comparisonSummary(rows: readonly SectionComparison[]): Record<SectionStatus, number> {
  const count: Record<SectionStatus, number> = {
    added: 0,
    deleted: 0,
    changed: 0,
    moved: 0,
    renumbered: 0,
    unchanged: 0,
  };
  for (const r of rows) count[r.status]++;
  return count;
}
