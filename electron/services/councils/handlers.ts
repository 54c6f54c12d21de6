/** Channel handlers of councils, members and meetings. */
import { attachmentsDir, backupsDir, type ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';
import type { councilsChannels } from '../../../shared/contract/councils';
import { DOCX_FILTER, saveDocument, XLSX_FILTER } from '../save-document';
import { AttachmentStore } from './attachments';
import { sweepOrphanAttachments } from './attachment-sweep';
import { agendaFileName, buildAgendaDocx } from './agenda-docx';
import { buildAttendanceXlsx } from './attendance-xlsx';
import { buildPlanXlsx, planFileName, planRowsFromEntries } from './plan-xlsx';
import { buildRosterTemplate } from './roster-import';
import { parseRosterOffThread } from '../xlsx-off-thread';

type CouncilsHandlers = { [C in keyof typeof councilsChannels]: Handler<C> };

export function councilsHandlers(ctx: ServiceContext): CouncilsHandlers {
  const attachments = new AttachmentStore(attachmentsDir(ctx));
  return {
    'roster:parse:xlsx': ({ base64, fileName, existing }) =>
      parseRosterOffThread(Buffer.from(base64, 'base64'), existing, fileName),
    'roster:export:template': async () =>
      saveDocument(ctx, {
        fileName: '委員名簿（取り込み用ひな形）.xlsx',
        filter: XLSX_FILTER,
        data: await buildRosterTemplate(),
      }),
    'attachment:write:chunk': (arg) => attachments.writeChunk(arg),
    'attachment:open:file': async ({ storedName }) => {
      await ctx.platform.openPath(await attachments.openable(storedName));
      return {};
    },
    'attachment:remove:file': async ({ storedName }) => {
      await attachments.remove(storedName);
      return {};
    },
    'attachment:sweep:orphans': ({ referenced }) =>
      sweepOrphanAttachments(attachmentsDir(ctx), backupsDir(ctx), referenced),
    'meeting:export:agenda': async (input) =>
      saveDocument(ctx, {
        fileName: agendaFileName(input.meeting),
        filter: DOCX_FILTER,
        data: await buildAgendaDocx(input),
        council: input.council,
      }),
    'attendance:export:xlsx': async ({ council, members, meetings, fileLabel }) =>
      saveDocument(ctx, {
        fileName: `${fileLabel ? `${fileLabel}_` : ''}出欠表.xlsx`,
        filter: XLSX_FILTER,
        data: await buildAttendanceXlsx({ council, members, meetings }),
        council,
      }),
    'plan:export:xlsx': async ({ council, fiscalYear, entries, meetings, note }) =>
      saveDocument(ctx, {
        fileName: planFileName(fiscalYear),
        filter: XLSX_FILTER,
        data: await buildPlanXlsx({ council, fiscalYear, rows: planRowsFromEntries(entries, meetings), note }),
        council,
      }),
  };
}
