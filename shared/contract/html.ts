/**
 * Channels of the HTML editions (公開版 for the city's website): the arguments are those of
 * the Word exports, so an export button passes the same object to either channel.
 */
import { z } from 'zod';
import { channel } from './define';
import { SavedFile } from './app';
import { MinutesExportArgs } from './minutes';
import { OpinionExportArgs } from './opinions';

/** As `opinions:export:document`; `format` may be passed along and is ignored (the page is HTML). */
export const OpinionHtmlExportArgs = OpinionExportArgs.extend({ format: z.enum(['xlsx', 'docx']).optional() });
export type OpinionHtmlExportArgs = z.infer<typeof OpinionHtmlExportArgs>;

export const htmlChannels = {
  /** Writes the 会議録 as one accessible .html (公開版 redacted here, in main, as the Word file). */
  'minutes:export:html': channel(MinutesExportArgs, SavedFile),
  /** Writes the 意見対応表 or 分野別意見一覧 as one accessible .html. */
  'opinions:export:html': channel(OpinionHtmlExportArgs, SavedFile),
} as const;
