/**
 * The numbered agenda of a meeting (会議次第), as the 次第 document and the meeting
 * screen show it: １ 開会 / ２ 資料の説明 / ３ 議題 （１）… （２）… / ４ その他 / ５ 閉会.
 * Consecutive 議題 items are grouped under one 議題 heading with （１）（２）….
 */
import type { AgendaItem, Meeting } from './domain';
import { itemNumber } from './numbering';

/**
 * The council's digit width (PublicationSettings.digitWidth), or 'full' as reference 004
 * prints section numbers (docs/CONVENTIONS.md §3.14).
 */
export type DigitWidth = 'half' | 'full-single' | 'full';

export interface AgendaLine {
  number: string; // １ / （１）
  text: string;
  itemId: string | null; // null for the 議題 group heading
  children: AgendaLine[];
}

/** What an item reads as: its title, or its kind when untitled. */
export function agendaItemText(item: Pick<AgendaItem, 'kind' | 'title'>): string {
  return item.title.trim() || item.kind;
}

export function agendaOutline(
  items: Pick<AgendaItem, 'id' | 'kind' | 'title'>[],
  digits: DigitWidth = 'full',
): AgendaLine[] {
  const lines: AgendaLine[] = [];
  let group: AgendaLine | null = null;
  for (const item of items) {
    if (item.kind === '議題') {
      if (!group) {
        group = { number: itemNumber(lines.length + 1, digits), text: '議題', itemId: null, children: [] };
        lines.push(group);
      }
      group.children.push({
        number: `（${itemNumber(group.children.length + 1, digits)}）`,
        text: agendaItemText(item),
        itemId: item.id,
        children: [],
      });
    } else {
      group = null;
      lines.push({
        number: itemNumber(lines.length + 1, digits),
        text: agendaItemText(item),
        itemId: item.id,
        children: [],
      });
    }
  }
  return lines;
}

/** The number each item shows on screen: ３（１） for the first 議題 under ３. */
export function agendaNumbers(
  items: Pick<AgendaItem, 'id' | 'kind' | 'title'>[],
  digits: DigitWidth = 'full',
): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of agendaOutline(items, digits)) {
    if (line.itemId) out.set(line.itemId, line.number);
    for (const child of line.children) if (child.itemId) out.set(child.itemId, `${line.number}${child.number}`);
  }
  return out;
}

/** 資料１ → 資料1 under the half-width rule (labels are stored as typed; documents follow the council). */
export function materialLabelFor(label: string, digits: DigitWidth): string {
  const m = /^(.*?)([0-9０-９]+)$/.exec(label);
  if (!m) return label;
  const n = Number(m[2]!.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
  return `${m[1]}${itemNumber(n, digits)}`;
}

/** Themes of a meeting for the 会議開催計画: its 議題 titles, else every titled item but 開会/閉会. */
export function meetingThemes(meeting: Pick<Meeting, 'agenda'>): string[] {
  const titled = (kinds: AgendaItem['kind'][]) =>
    meeting.agenda.filter((a) => kinds.includes(a.kind) && a.title.trim()).map((a) => a.title.trim());
  const topics = titled(['議題']);
  return topics.length ? topics : titled(['報告', '説明', 'その他']);
}
