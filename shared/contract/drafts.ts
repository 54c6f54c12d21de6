/** Channels of vision/plan drafts: Word documents of a draft and the 新旧対照表. */
import { z } from 'zod';
import { channel } from './define';
import { SavedFile } from './app';
import { isoDate, NUMBERING_STYLES, Section } from '../domain';

/** What a draft document is printed from: a frozen version, or the working copy (stage ''). */
export const DraftDocArg = z
  .object({
    title: z.string().min(1).max(300),
    issuer: z.string().max(200),
    stage: z.string().max(50),
    date: isoDate.nullable(),
    numbering: z.enum(NUMBERING_STYLES),
    sections: z.array(Section).max(5000),
  })
  .strict();

export const DocFontsArg = z.object({ body: z.string().min(1).max(100), heading: z.string().min(1).max(100) }).strict();

export const ComparisonOptions = z
  .object({
    /** Column order: 新 | 旧 (default) or 旧 | 新. */
    order: z.enum(['new-old', 'old-new']),
    /** Header labels: 改正後 / 改正前, or 新 / 旧. */
    labels: z.enum(['kaisei', 'shinkyu']),
    /** Unchanged sections collapsed to （略） or shown in full. */
    unchanged: z.enum(['collapse', 'full']),
    /** A 備考 column with (追加)(変更)(削除). */
    remarks: z.boolean(),
  })
  .strict();
export type ComparisonOptions = z.infer<typeof ComparisonOptions>;
export const DEFAULT_COMPARISON_OPTIONS: ComparisonOptions = {
  order: 'new-old',
  labels: 'kaisei',
  unchanged: 'collapse',
  remarks: false,
};

export const draftsChannels = {
  'drafts:export:docx': channel(z.object({ doc: DraftDocArg, fonts: DocFontsArg.optional() }).strict(), SavedFile),
  'drafts:export:comparison': channel(
    z
      .object({ oldDoc: DraftDocArg, newDoc: DraftDocArg, options: ComparisonOptions, fonts: DocFontsArg.optional() })
      .strict(),
    SavedFile,
  ),
} as const;
