/** Channel handlers of action plans: build the document in a pure function, then save it. */
import type { Handler } from '../../core/dispatch';
import type { ServiceContext } from '../../core/context';
import { DOCX_FILTER, saveDocument, XLSX_FILTER } from '../save-document';
import { actionSheetFileName, buildActionSheetXlsx } from './sheet-xlsx';
import { buildProgressXlsx } from './progress-xlsx';
import { buildProgressDocx } from './progress-docx';
import { progressFileName } from './progress-rows';

export function actionsHandlers(ctx: ServiceContext): {
  'actions:export:sheet': Handler<'actions:export:sheet'>;
  'actions:export:progress-xlsx': Handler<'actions:export:progress-xlsx'>;
  'actions:export:progress-docx': Handler<'actions:export:progress-docx'>;
} {
  return {
    'actions:export:sheet': async (arg) =>
      saveDocument(ctx, {
        fileName: actionSheetFileName(arg.title),
        filter: XLSX_FILTER,
        data: await buildActionSheetXlsx(arg),
      }),
    'actions:export:progress-xlsx': async (arg) =>
      saveDocument(ctx, {
        fileName: progressFileName(arg.fiscalYear, arg.title, 'xlsx'),
        filter: XLSX_FILTER,
        data: await buildProgressXlsx(arg),
        council: arg.councilName,
      }),
    'actions:export:progress-docx': async (arg) =>
      saveDocument(ctx, {
        fileName: progressFileName(arg.fiscalYear, arg.title, 'docx'),
        filter: DOCX_FILTER,
        data: await buildProgressDocx(arg),
        council: arg.councilName,
      }),
  };
}
