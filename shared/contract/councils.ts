/**
 * Councils, members and meetings: roster import, meeting attachments, and the 会議次第 /
 * 出欠表 / 会議開催計画 exports.
 */
import { z } from 'zod';
import { channel } from './define';
import { SavedFile } from './app';
import { Council, id, isoDate, Meeting, Member, PlanEntry } from '../domain';
import { STORED_NAME } from '../stored-name';

/** The largest roster workbook accepted (a roster is a few KB; this leaves room for logos). */
export const ROSTER_MAX_BYTES = 10 * 1024 * 1024;
/** Attachments are sent in pieces of this size, so large files show progress. */
export const ATTACHMENT_CHUNK_BYTES = 4 * 1024 * 1024;
export const ATTACHMENT_MAX_BYTES = 1024 * 1024 * 1024;
const base64Max = (bytes: number) => Math.ceil(bytes / 3) * 4 + 4;

/** A stored attachment's name inside the data folder (shared/stored-name.ts). */
export { STORED_NAME };
const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '識別子の形式が正しくありません');

export const RosterMember = Member.pick({
  name: true,
  reading: true,
  role: true,
  category: true,
  affiliation: true,
  termStart: true,
  termEnd: true,
});
export type RosterMember = z.infer<typeof RosterMember>;

export const RosterPreview = z.object({
  sheetName: z.string(),
  /** Headers recognised, in the file's order: 氏名, よみがな … */
  columns: z.array(z.string()),
  rows: z.array(
    z.object({
      rowNumber: z.number().int().min(1),
      action: z.enum(['add', 'update']),
      memberId: id.nullable(),
      member: RosterMember,
    }),
  ),
  problems: z.array(z.object({ rowNumber: z.number().int().min(1), column: z.string(), message: z.string() })),
});
export type RosterPreview = z.infer<typeof RosterPreview>;

export const StoredFile = z.object({
  storedName: z.string().regex(STORED_NAME),
  originalName: z.string().max(300),
  size: z.number().int().min(0),
});

/** A plan row as the 会議開催計画 prints it (month null = 未定). */
export const PlanRow = z.object({
  month: z.number().int().min(1).max(12).nullable(),
  meetingNumber: z.number().int().min(1).nullable(),
  themes: z.array(z.string().max(500)),
  /** The meeting's date once fixed (printed in 開催日); optional. */
  date: isoDate.nullable().optional(),
  /** The meeting has been held (a held meeting without a date is placed by its number, not as 未定). */
  held: z.boolean().optional(),
});
export type PlanRow = z.infer<typeof PlanRow>;

export const councilsChannels = {
  /** Reads a roster workbook (base64 .xlsx) and answers what would be added or updated; writes nothing. */
  'roster:parse:xlsx': channel(
    z
      .object({
        base64: z.string().min(1).max(base64Max(ROSTER_MAX_BYTES), '名簿ファイルが大きすぎます（10MB まで）'),
        fileName: z.string().max(300),
        existing: z.array(z.object({ id, name: z.string().max(100), reading: z.string().max(100) }).strict()).max(5000),
      })
      .strict(),
    RosterPreview,
  ),
  /** An empty roster workbook with the headers the import recognises. */
  'roster:export:template': channel(z.object({}).strict(), SavedFile),
  /** One piece of an attachment; the last piece moves it into <dataDir>/attachments under a new name. */
  'attachment:write:chunk': channel(
    z
      .object({
        uploadId: uuid,
        index: z.number().int().min(0).max(1024),
        base64: z.string().max(base64Max(ATTACHMENT_CHUNK_BYTES)),
        last: z.boolean(),
        originalName: z.string().min(1).max(300),
      })
      .strict(),
    z.object({ received: z.number().int(), file: StoredFile.nullable() }),
  ),
  'attachment:open:file': channel(z.object({ storedName: z.string().regex(STORED_NAME) }).strict(), z.object({})),
  'attachment:remove:file': channel(z.object({ storedName: z.string().regex(STORED_NAME) }).strict(), z.object({})),
  /**
   * The start-up sweep (electron/services/councils/attachment-sweep.ts): removes attachments no
   * record names — given the stored names the records name — only after a recent backup, only
   * files a kept backup holds and older than a few minutes. Answers what it removed.
   */
  'attachment:sweep:orphans': channel(
    z.object({ referenced: z.array(z.string().regex(STORED_NAME)).max(200_000) }).strict(),
    z.object({ removed: z.array(z.string()), kept: z.array(z.string()), refused: z.string().nullable() }),
  ),
  /** 会議次第 (.docx) of one meeting. */
  'meeting:export:agenda': channel(z.object({ council: Council, meeting: Meeting }).strict(), SavedFile),
  /** 出欠表 (.xlsx): members × meetings with totals. */
  'attendance:export:xlsx': channel(
    z
      .object({
        council: Council,
        members: z.array(Member).max(1000),
        meetings: z.array(Meeting).max(500),
        fileLabel: z.string().max(50),
      })
      .strict(),
    SavedFile,
  ),
  /** 会議開催計画 (.xlsx) of one fiscal year. */
  'plan:export:xlsx': channel(
    z
      .object({
        council: Council,
        fiscalYear: z.number().int().min(1900).max(2200),
        entries: z.array(PlanEntry).max(500),
        /** The council's meetings: held ones print their dates. Optional. */
        meetings: z.array(Meeting).max(500).optional(),
        /** A note printed under the table (e.g. 「※ テーマは進捗により変更する場合があります。」). Optional. */
        note: z.string().max(1000).optional(),
      })
      .strict(),
    SavedFile,
  ),
} as const;
