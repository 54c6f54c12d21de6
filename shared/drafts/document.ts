/**
 * The printed form of a draft, shared by the Word export and the on-screen preview so
 * that both show the same thing: cover block, 目次, numbered headings, body blocks.
 */
import type { Block } from '../domain';
import { numberedHeading, outline } from './tree';
import { coverDate, type DraftDoc } from './versions';

export interface DocHeading {
  kind: 'heading';
  id: string;
  level: number;
  text: string;
}
export interface DocBlock {
  kind: 'block';
  sectionId: string;
  level: number;
  block: Block;
}
export type DocItem = DocHeading | DocBlock;

export interface PrintedDraft {
  cover: { title: string; stage: string; date: string; issuer: string };
  toc: { level: number; text: string }[];
  body: DocItem[];
}

/** How deep the 目次 goes (reference 004 lists Ⅰ and １．; docs/CONVENTIONS.md §4.5). */
export const TOC_DEPTH = 2;

export function printedDraft(doc: DraftDoc): PrintedDraft {
  const entries = outline(doc.sections, doc.numbering);
  const body: DocItem[] = [];
  for (const e of entries) {
    body.push({ kind: 'heading', id: e.section.id, level: e.level, text: numberedHeading(e, e.section.heading) });
    for (const block of e.section.blocks) {
      if (block.type === 'paragraph' && !block.text.trim()) continue;
      if (block.type === 'bullets' && block.items.every((i) => !i.trim())) continue;
      body.push({ kind: 'block', sectionId: e.section.id, level: e.level, block });
    }
  }
  return {
    cover: { title: doc.title, stage: doc.stage, date: coverDate(doc), issuer: doc.issuer },
    toc: entries
      .filter((e) => e.level < TOC_DEPTH)
      .map((e) => ({ level: e.level, text: numberedHeading(e, e.section.heading) })),
    body,
  };
}
