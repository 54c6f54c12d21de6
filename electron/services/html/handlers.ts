/** The HTML editions' channels: built in main from the records, saved atomically. */
import type { ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';
import { saveDocument } from '../save-document';
import { HTML_FILTER } from './common';
import { buildMinutesHtmlExport } from './minutes';
import { buildOpinionsHtmlExport } from './opinions';

export function htmlHandlers(ctx: ServiceContext): {
  'minutes:export:html': Handler<'minutes:export:html'>;
  'opinions:export:html': Handler<'opinions:export:html'>;
} {
  return {
    'minutes:export:html': async (args) => {
      const { fileName, bytes } = buildMinutesHtmlExport(args);
      return saveDocument(ctx, { fileName, filter: HTML_FILTER, data: bytes, council: args.council });
    },
    'opinions:export:html': async (args) => {
      const { fileName, bytes } = buildOpinionsHtmlExport(args);
      return saveDocument(ctx, { fileName, filter: HTML_FILTER, data: bytes, council: args.data.council });
    },
  };
}
