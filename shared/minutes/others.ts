/**
 * Other attendees of a meeting (説明員, 幹事, 報道関係 …), by group: staff recorded with a
 * group (Staff.group) who were present, then the meeting's own list (Meeting.otherAttendees).
 * The style orders the groups and prints them in one その他の出席者 row or a row each.
 */
import type { OtherAttendee, Staff } from '../domain';
import { staffHeaderLines } from './style-parts';
import type { MinutesStyle } from './style';

export interface AttendeeGroup {
  group: string;
  lines: string[];
}

/** The group a staff member is listed in ('' = 事務局). */
export const staffGroup = (s: Pick<Staff, 'group'>) => (s.group ?? '').trim();

/**
 * The groups in the style's order (named groups first, the rest as they first appear), each
 * with its lines: staff as the style writes staff (【部】氏名職名 or 部署　氏名職名), then each
 * entry of the meeting's list as typed.
 */
export function otherAttendeeGroups(
  staff: Pick<Staff, 'department' | 'name' | 'title' | 'group'>[],
  others: Pick<OtherAttendee, 'group' | 'text'>[],
  attendance: Pick<MinutesStyle['attendance'], 'staff' | 'others'>,
): AttendeeGroup[] {
  const byGroup = new Map<string, { staff: typeof staff; lines: string[] }>();
  const at = (g: string) => {
    let e = byGroup.get(g);
    if (!e) byGroup.set(g, (e = { staff: [], lines: [] }));
    return e;
  };
  for (const s of staff) if (staffGroup(s)) at(staffGroup(s)).staff.push(s);
  for (const o of others) {
    const g = o.group.trim();
    if (g && o.text.trim()) at(g).lines.push(...o.text.trim().split('\n'));
    else if (g) at(g);
  }
  const order = (attendance.others?.order ?? []).map((g) => g.trim()).filter(Boolean);
  const rank = (g: string) => (order.includes(g) ? order.indexOf(g) : order.length);
  const groups = [...byGroup.keys()].map((g, i) => ({ g, i })).sort((a, b) => rank(a.g) - rank(b.g) || a.i - b.i);
  return groups
    .map(({ g }) => {
      const e = byGroup.get(g)!;
      const staffLines = e.staff.length ? staffHeaderLines(e.staff, attendance.staff, '') : [];
      return { group: g, lines: [...staffLines, ...e.lines] };
    })
    .filter((x) => x.lines.length > 0);
}

/** One row: ＜説明員＞ then its lines, for each group. */
export function otherAttendeeLines(groups: AttendeeGroup[]): string[] {
  return groups.flatMap((g) => [`＜${g.group}＞`, ...g.lines]);
}
