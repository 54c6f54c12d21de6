/** The sample council's 会議次第 (第２回・第３回), 出欠表 and 会議開催計画. */
import type { SampleDocument } from '../exports/samples';
import type { CouncilBundle } from '../../../shared/domain';
import { fiscalYearOf } from '../../../shared/wareki';
import { onAttendanceSheet } from '../../../shared/quorum';
import { agendaFileName, buildAgendaDocx } from './agenda-docx';
import { buildAttendanceXlsx } from './attendance-xlsx';
import { buildPlanXlsx, planFileName, planRowsFromEntries, planRowsFromMeetings } from './plan-xlsx';

export function councilSamples(bundle: CouncilBundle): SampleDocument[] {
  const { council, members, meetings } = bundle;
  const agendas = meetings
    .filter((m) => m.number === 2 || m.number === 3)
    .map((meeting) => ({
      fileName: agendaFileName(meeting),
      build: () => buildAgendaDocx({ council, meeting }),
    }));
  const dated = meetings.find((m) => m.date);
  const fiscalYear = bundle.planEntries[0]?.fiscalYear ?? (dated?.date ? fiscalYearOf(dated.date) : 2023);
  // The sample keeps no plan: its meetings stand in for one (their months and 議題 only).
  const rows = bundle.planEntries.length
    ? planRowsFromEntries(
        bundle.planEntries.filter((e) => e.fiscalYear === fiscalYear),
        meetings,
      )
    : planRowsFromMeetings(meetings, fiscalYear);
  return [
    ...agendas,
    {
      fileName: '出欠表.xlsx',
      build: () => buildAttendanceXlsx({ council, members, meetings: meetings.filter(onAttendanceSheet) }),
    },
    {
      fileName: planFileName(fiscalYear),
      build: () =>
        buildPlanXlsx({
          council,
          fiscalYear,
          rows,
          note: '※ 検討テーマは、審議の進み具合により変更する場合があります。',
        }),
    },
  ];
}
