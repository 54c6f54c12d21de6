/**
 * councils.roster_parse_ms: reading a 300-member roster workbook in main (exceljs load + checks).
 * councils.attendance_xlsx_ms: building the 出欠表 of 40 members × 24 meetings.
 * councils.agenda_docx_ms: building the 会議次第 of the sample's 第２回.
 * Medians of 7 runs, after one warm-up.
 */
import ExcelJS from 'exceljs';
import type { BenchModule, Figure } from './harness';
import { parseRosterWorkbook } from '../electron/services/councils/roster-import';
import { buildAttendanceXlsx } from '../electron/services/councils/attendance-xlsx';
import { buildAgendaDocx } from '../electron/services/councils/agenda-docx';
import { buildSampleCouncil } from '../resources/sample/iizuka';
import { newMeeting } from '../shared/factory';
import { ATTENDANCE, type Member } from '../shared/domain';

const RUNS = 7;

async function median(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)]! * 10) / 10;
}

const bench: BenchModule = {
  title: '委員名簿の取り込み・出欠表・会議次第',
  async run(): Promise<Figure[]> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名簿');
    ws.addRow(['氏名', 'よみがな', '役職', '区分', '所属', '任期開始', '任期終了']);
    for (let i = 0; i < 300; i++)
      ws.addRow([
        `委員${i} 太郎`,
        `いいん${i} たろう`,
        i === 0 ? '会長' : '委員',
        '関係団体',
        `団体${i}`,
        '令和5年4月1日',
        new Date(Date.UTC(2025, 2, 31)),
      ]);
    const roster = new Uint8Array(await wb.xlsx.writeBuffer());

    const bundle = buildSampleCouncil({ now: '2023-07-07T00:00:00.000Z' });
    const members: Member[] = Array.from({ length: 40 }, (_, i) => ({
      id: `m${i}`,
      councilId: 'c',
      name: `委員${i}`,
      reading: '',
      role: '委員',
      category: '',
      affiliation: '',
      termStart: null,
      termEnd: null,
      order: i,
    }));
    const meetings = Array.from({ length: 24 }, (_, j) =>
      newMeeting(
        {
          councilId: 'c',
          number: j + 1,
          date: `2023-${String((j % 12) + 1).padStart(2, '0')}-10`,
          attendance: members.map((m, i) => ({ memberId: m.id, status: ATTENDANCE[(i + j) % 3]! })),
        },
        () => `mt${j}`,
      ),
    );
    const second = bundle.meetings.find((m) => m.number === 2)!;

    const parse = await median(() => parseRosterWorkbook(roster, [], '名簿.xlsx'));
    const attendance = await median(() => buildAttendanceXlsx({ council: bundle.council, members, meetings }));
    const agenda = await median(() => buildAgendaDocx({ council: bundle.council, meeting: second }));
    return [
      { key: 'councils.roster_parse_ms', value: parse, unit: 'ms', compare: '目標 ≤ 1000 ms（300人）' },
      { key: 'councils.attendance_xlsx_ms', value: attendance, unit: 'ms', compare: '目標 ≤ 1000 ms（40人×24回）' },
      { key: 'councils.agenda_docx_ms', value: agenda, unit: 'ms', compare: '目標 ≤ 500 ms' },
    ];
  },
};

export default bench;
