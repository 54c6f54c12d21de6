/** Channels of the opinions area: export a document, preview an 意見シート import. */
import type { Handler } from '../../core/dispatch';
import type { ServiceContext } from '../../core/context';
import { DOCX_FILTER, saveDocument, saveWith, XLSX_FILTER } from '../save-document';
import { buildOpinionDocument, opinionWorkbookExport } from './documents';
import { readOpinionSheetOffThread } from '../xlsx-off-thread';

export function opinionsHandlers(ctx: ServiceContext): {
  'opinions:export:document': Handler<'opinions:export:document'>;
  'opinions:import:preview': Handler<'opinions:import:preview'>;
} {
  return {
    'opinions:export:document': async ({ kind, format, publication, data, handout, forMeetingId, meetingIds }) => {
      // The table workbooks stream into the file; the rest are built, then written.
      const streamed = opinionWorkbookExport(kind, format, data, publication, { forMeetingId, meetingIds });
      if (streamed)
        return saveWith(ctx, {
          fileName: streamed.fileName,
          filter: XLSX_FILTER,
          write: streamed.write,
          council: data.council,
        });
      const { fileName, bytes } = await buildOpinionDocument(kind, format, data, publication, handout, {
        forMeetingId,
        meetingIds,
      });
      return saveDocument(ctx, {
        fileName,
        filter: format === 'xlsx' ? XLSX_FILTER : DOCX_FILTER,
        data: bytes,
        council: data.council,
      });
    },
    'opinions:import:preview': (args) => readOpinionSheetOffThread(args),
  };
}
