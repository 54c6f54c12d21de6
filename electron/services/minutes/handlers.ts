import type { ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';
import { AppError } from '../../../shared/errors';
import type { MinutesExportArgs } from '../../../shared/contract/minutes';
import { DOCX_FILTER, saveDocument } from '../save-document';
import { buildMinutesDocx, packMinutesDocx } from './docx';
import { minutesFileName } from '../../../shared/minutes/model';
import { publicMinutes } from '../../../shared/publication/review';
import { assertPublishable } from '../../../shared/publication/redaction';

/** The records must belong together: one council, its people, one meeting and its remarks. */
export function checkMinutesRecords(args: MinutesExportArgs): void {
  const problems: { path: string; message: string }[] = [];
  if (args.meeting.councilId !== args.council.id)
    problems.push({ path: 'meeting', message: '会議が審議会に属していません。' });
  if (args.members.some((m) => m.councilId !== args.council.id))
    problems.push({ path: 'members', message: '他の審議会の委員が含まれています。' });
  if (args.staff.some((s) => s.councilId !== args.council.id))
    problems.push({ path: 'staff', message: '他の審議会の事務局職員が含まれています。' });
  if (args.remarks.some((r) => r.meetingId !== args.meeting.id))
    problems.push({ path: 'remarks', message: '他の会議の記録が含まれています。' });
  if (args.minutes && args.minutes.meetingId !== args.meeting.id)
    problems.push({ path: 'minutes', message: '会議録が会議と一致しません。' });
  if (problems.length)
    throw new AppError('INVALID_ARGUMENT', '会議録の元になる記録の組み合わせが正しくありません。', problems);
}

/**
 * The export as the channel builds it: records checked, a 公開版 stopped while a hidden name
 * cannot be replaced so the sentence reads right (typed error listing every place), then built.
 */
export async function buildMinutesExport(args: MinutesExportArgs): Promise<Uint8Array> {
  checkMinutesRecords(args);
  if (args.mode !== 'public') return buildMinutesDocx(args);
  // One drawing of the model serves the review and the document.
  const { model, review } = publicMinutes(args);
  assertPublishable(review);
  return packMinutesDocx(model);
}

export function minutesHandlers(ctx: ServiceContext): { 'minutes:export:docx': Handler<'minutes:export:docx'> } {
  return {
    'minutes:export:docx': async (args) => {
      const data = await buildMinutesExport(args);
      return saveDocument(ctx, {
        fileName: minutesFileName(args.meeting, args.mode),
        filter: DOCX_FILTER,
        data,
        council: args.council,
      });
    },
  };
}
