/** Opinions: the documents built from them, and reading an 意見シート (.xlsx) for import. */
import { z } from 'zod';
import { channel } from './define';
import { Council, MatrixItem, Meeting, Member, Opinion, OPINION_SOURCES, Staff, id } from '../domain';
import { SavedFile } from './app';

export const OpinionDocumentData = z
  .object({
    council: Council,
    members: z.array(Member),
    meetings: z.array(Meeting),
    opinions: z.array(Opinion).max(200_000),
    matrixItems: z.array(MatrixItem),
    /** The 事務局 staff: their names are hidden in a 公開版 too. */
    staff: z.array(Staff).optional(),
    sectionTitles: z.record(z.string(), z.string().max(500)).optional(),
  })
  .strict();

/** 'template': an empty 意見シート with the columns the import reads. */
export const OPINION_DOCUMENTS = ['list', 'responses', 'matrix', 'handout', 'template'] as const;
export type OpinionDocumentKind = (typeof OPINION_DOCUMENTS)[number];

export const HandoutOptions = z
  .object({
    meetingId: id,
    grouping: z.enum(['field', 'theme']),
    /** opinion id → agenda item id of the target meeting (grouping 'theme'). */
    themes: z.record(z.string(), z.string()),
  })
  .strict();

export const OpinionExportArgs = z
  .object({
    kind: z.enum(OPINION_DOCUMENTS),
    format: z.enum(['xlsx', 'docx']),
    /** 公開版: the council's anonymisation and non-public rules apply (enforced in main). */
    publication: z.boolean(),
    data: OpinionDocumentData,
    handout: HandoutOptions.optional(),
    /**
     * The meeting the document is handed out at: its date is printed as the 現在 date
     * instead of today (a handout handed out on 8月3日 says 8月3日). Optional; default today.
     */
    forMeetingId: id.optional(),
    /**
     * The meetings whose opinions the document covers: the matrix's meeting column, and
     * the 前回 of a handout (default: the meeting just before the handout's meeting).
     */
    meetingIds: z.array(id).max(500).optional(),
  })
  .strict();
export type OpinionExportArgs = z.infer<typeof OpinionExportArgs>;

/** One row of an 意見シート as read, with what is wrong with it (nothing is stored yet). */
export const ImportedOpinionRow = z.object({
  row: z.number().int(),
  summary: z.string(),
  fieldId: z.string().nullable(),
  fieldName: z.string(),
  memberId: z.string().nullable(),
  memberName: z.string(),
  meetingId: z.string().nullable(),
  source: z.enum(OPINION_SOURCES),
  sourceLabel: z.string(),
  response: z.string(),
  status: z.string(),
  errors: z.array(z.string()),
  /**
   * The 意見ID cell of an internal list (absent in older sheets and hand-made ones): a
   * re-import matches the row to that opinion first, then by its text.
   */
  opinionId: z.string().max(100).optional(),
});
export type ImportedOpinionRow = z.infer<typeof ImportedOpinionRow>;

export const OpinionImportArgs = z
  .object({
    fileName: z.string().max(500),
    /** The workbook's bytes, base64. */
    data: z
      .string()
      .min(1)
      .max(70 * 1024 * 1024),
    fields: z.array(z.object({ id, name: z.string() })),
    members: z.array(z.object({ id, name: z.string(), role: z.string() })),
    meetings: z.array(z.object({ id, number: z.number().int() })),
    statuses: z.array(z.string()),
  })
  .strict();
export type OpinionImportArgs = z.infer<typeof OpinionImportArgs>;

export const OpinionImportPreview = z.object({
  sheetName: z.string(),
  rows: z.array(ImportedOpinionRow),
});
export type OpinionImportPreview = z.infer<typeof OpinionImportPreview>;

export const opinionsChannels = {
  'opinions:export:document': channel(OpinionExportArgs, SavedFile),
  'opinions:import:preview': channel(OpinionImportArgs, OpinionImportPreview),
} as const;
