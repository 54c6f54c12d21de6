/**
 * The section tree of a draft (parentId + order) and the edits the outline editor makes.
 * Every edit is pure, keeps section ids (so versions compare section by section) and
 * leaves sibling orders as 1..n. An edit that cannot apply returns the same array.
 */
import type { Section } from '../domain';
import { outlineLabel, type NumberingStyle } from '../numbering';

export function childrenOf(sections: readonly Section[], parentId: string | null): Section[] {
  return sections.filter((s) => s.parentId === parentId).sort((a, b) => a.order - b.order);
}

export interface OutlineEntry {
  section: Section;
  level: number; // 0 = top
  /** This level's label: Ⅱ． / ３． / （１） / ① */
  label: string;
  /** Labels from the top: Ⅱ．３．（１）① */
  path: string;
}

/** Sections in document order with their numbers. Orphans (a missing parent) are left out. */
export function outline(sections: readonly Section[], style: NumberingStyle): OutlineEntry[] {
  const byParent = new Map<string | null, Section[]>();
  for (const s of sections) {
    const list = byParent.get(s.parentId) ?? [];
    list.push(s);
    byParent.set(s.parentId, list);
  }
  for (const list of byParent.values()) list.sort((a, b) => a.order - b.order);
  const out: OutlineEntry[] = [];
  const walk = (parentId: string | null, level: number, prefix: string) => {
    (byParent.get(parentId) ?? []).forEach((section, i) => {
      const label = outlineLabel(style, level, i + 1);
      const path = style === 'dai' && prefix ? `${prefix}-${label}` : prefix + label;
      out.push({ section, level, label, path });
      walk(section.id, level + 1, path);
    });
  };
  walk(null, 0, '');
  return out;
}

/** The heading as printed: 「Ⅰ．これまでの…」「（１）人」「①歳入の確保」, or 「第1　総則」「(1)　…」. */
export function numberedHeading(entry: Pick<OutlineEntry, 'label'>, heading: string): string {
  return `${entry.label}${/[．）①-⑳㉑-㉟㊱-㊿]$/.test(entry.label) ? '' : '　'}${heading}`;
}

/** Ids of a section and everything under it. */
export function subtreeIds(sections: readonly Section[], id: string): Set<string> {
  const ids = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of sections)
      if (s.parentId !== null && ids.has(s.parentId) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
  }
  return ids;
}

/** Rewrites the orders of one parent's children to follow `ordered`. */
function withOrder(
  sections: readonly Section[],
  parentId: string | null,
  ordered: readonly string[],
  moved?: { id: string; parentId: string | null },
): Section[] {
  const pos = new Map(ordered.map((id, i) => [id, i + 1]));
  return sections.map((s) => {
    const parent = moved && s.id === moved.id ? moved.parentId : s.parentId;
    if (parent === parentId && pos.has(s.id)) return { ...s, parentId: parent, order: pos.get(s.id)! };
    return s;
  });
}

function renumber(sections: Section[], parentId: string | null): Section[] {
  return withOrder(
    sections,
    parentId,
    childrenOf(sections, parentId).map((s) => s.id),
  );
}

export function moveUp(sections: readonly Section[], id: string): Section[] {
  const s = sections.find((x) => x.id === id);
  if (!s) return sections as Section[];
  const sibs = childrenOf(sections, s.parentId).map((x) => x.id);
  const i = sibs.indexOf(id);
  if (i <= 0) return sections as Section[];
  [sibs[i - 1], sibs[i]] = [sibs[i]!, sibs[i - 1]!];
  return withOrder(sections, s.parentId, sibs);
}

export function moveDown(sections: readonly Section[], id: string): Section[] {
  const s = sections.find((x) => x.id === id);
  if (!s) return sections as Section[];
  const sibs = childrenOf(sections, s.parentId).map((x) => x.id);
  const i = sibs.indexOf(id);
  if (i < 0 || i >= sibs.length - 1) return sections as Section[];
  [sibs[i + 1], sibs[i]] = [sibs[i]!, sibs[i + 1]!];
  return withOrder(sections, s.parentId, sibs);
}

/** Makes the section the last child of its previous sibling. */
export function indent(sections: readonly Section[], id: string): Section[] {
  const s = sections.find((x) => x.id === id);
  if (!s) return sections as Section[];
  const sibs = childrenOf(sections, s.parentId);
  const i = sibs.findIndex((x) => x.id === id);
  const newParent = sibs[i - 1];
  if (!newParent) return sections as Section[];
  const kids = childrenOf(sections, newParent.id).map((x) => x.id);
  const moved = withOrder(sections, newParent.id, [...kids, id], { id, parentId: newParent.id });
  return renumber(moved, s.parentId);
}

/** Makes the section the next sibling of its parent. */
export function outdent(sections: readonly Section[], id: string): Section[] {
  const s = sections.find((x) => x.id === id);
  if (!s || s.parentId === null) return sections as Section[];
  const parent = sections.find((x) => x.id === s.parentId);
  if (!parent) return sections as Section[];
  const sibs = childrenOf(sections, parent.parentId).map((x) => x.id);
  sibs.splice(sibs.indexOf(parent.id) + 1, 0, id);
  const moved = withOrder(sections, parent.parentId, sibs, { id, parentId: parent.parentId });
  return renumber(moved, parent.id);
}

export function newSection(id: string, heading = ''): Section {
  return { id, parentId: null, order: 0, heading, blocks: [] };
}

/** Adds `section` right after `afterId` at the same level (or at the end of the top level when afterId is null). */
export function addSibling(sections: readonly Section[], afterId: string | null, section: Section): Section[] {
  const after = afterId ? sections.find((x) => x.id === afterId) : undefined;
  const parentId = after ? after.parentId : null;
  const sibs = childrenOf(sections, parentId).map((x) => x.id);
  const at = after ? sibs.indexOf(after.id) + 1 : sibs.length;
  sibs.splice(at, 0, section.id);
  return withOrder([...sections, { ...section, parentId }], parentId, sibs);
}

/** Adds `section` as the last child of `parentId`. */
export function addChild(sections: readonly Section[], parentId: string | null, section: Section): Section[] {
  const sibs = childrenOf(sections, parentId).map((x) => x.id);
  return withOrder([...sections, { ...section, parentId }], parentId, [...sibs, section.id]);
}

/** Deletes a section with everything under it. */
export function removeSection(sections: readonly Section[], id: string): Section[] {
  const s = sections.find((x) => x.id === id);
  if (!s) return sections as Section[];
  const gone = subtreeIds(sections, id);
  return renumber(
    sections.filter((x) => !gone.has(x.id)),
    s.parentId,
  );
}

export function updateSection(
  sections: readonly Section[],
  id: string,
  patch: Partial<Pick<Section, 'heading' | 'blocks'>>,
): Section[] {
  return sections.map((s) => (s.id === id ? { ...s, ...patch } : s));
}

/** The section before / after in document order (for ↑/↓ in the outline pane). */
export function neighbour(
  sections: readonly Section[],
  style: NumberingStyle,
  id: string,
  delta: -1 | 1,
): string | null {
  const list = outline(sections, style);
  const i = list.findIndex((e) => e.section.id === id);
  return list[i + delta]?.section.id ?? null;
}
