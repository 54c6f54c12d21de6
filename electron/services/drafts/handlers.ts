/** Channel handlers of drafts: build the document in a pure function, then save it. */
import type { Handler } from '../../core/dispatch';
import type { ServiceContext } from '../../core/context';
import { DOCX_FILTER, saveDocument } from '../save-document';
import { comparisonFileName, draftFileName } from '../../../shared/drafts';
import { buildDraftDocx } from './draft-docx';
import { buildComparisonDocx } from './comparison-docx';

export function draftsHandlers(ctx: ServiceContext): {
  'drafts:export:docx': Handler<'drafts:export:docx'>;
  'drafts:export:comparison': Handler<'drafts:export:comparison'>;
} {
  return {
    'drafts:export:docx': async ({ doc, fonts }) =>
      saveDocument(ctx, {
        fileName: draftFileName(doc),
        filter: DOCX_FILTER,
        data: await buildDraftDocx({ doc, ...(fonts ? { fonts } : {}) }),
      }),
    'drafts:export:comparison': async ({ oldDoc, newDoc, options, fonts }) =>
      saveDocument(ctx, {
        fileName: comparisonFileName(newDoc.title, newDoc.stage, oldDoc.stage),
        filter: DOCX_FILTER,
        data: await buildComparisonDocx({ oldDoc, newDoc, options, ...(fonts ? { fonts } : {}) }),
      }),
  };
}
