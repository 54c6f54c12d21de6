/** Channels of the minutes (会議録): main builds the Word file from the raw records. */
import { z } from 'zod';
import { channel } from './define';
import { Council, Meeting, Member, Minutes, Remark, Staff } from '../domain';
import { SavedFile } from './app';
import { MINUTES_MODES } from '../minutes/model';

export const MinutesExportArgs = z
  .object({
    council: Council,
    members: z.array(Member).max(500),
    staff: z.array(Staff).max(500),
    meeting: Meeting,
    remarks: z.array(Remark).max(100000),
    minutes: Minutes.nullable(),
    mode: z.enum(MINUTES_MODES),
  })
  .strict();
export type MinutesExportArgs = z.infer<typeof MinutesExportArgs>;

export const minutesChannels = {
  /** Writes the 会議録 (.docx) as 内部版, 公開版 (redacted here, in main) or 確認用（案）. */
  'minutes:export:docx': channel(MinutesExportArgs, SavedFile),
} as const;
