/**
 * Channels of the city's own Word templates: upload (checked by filling it with the sample
 * meeting before it is kept), list, remove, the starter templates and the guide, and the
 * export 「テンプレートで出力」 per document kind. The council record keeps CouncilTemplate
 * entries; main keeps the files among the attachments (<dataDir>/attachments/<uuid>.docx).
 */
import { z } from 'zod';
import { channel } from './define';
import { Council, Meeting } from '../domain';
import { SavedFile } from './app';
import { STORED_NAME } from './councils';
import { MinutesExportArgs } from './minutes';
import { OpinionDocumentData } from './opinions';
import { TEMPLATE_KINDS } from '../templates/tags';
import { CouncilTemplate } from '../templates/schema';

export const TEMPLATE_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
const base64Max = (bytes: number) => Math.ceil(bytes / 3) * 4 + 4;
const storedName = z.string().regex(STORED_NAME);
const kind = z.enum(TEMPLATE_KINDS);

/** One registered template, as the council record keeps it (shared/templates/schema.ts). */
export { CouncilTemplate };

const { mode: _mode, ...minutesRecords } = MinutesExportArgs.shape;
void _mode;
const minutesArgs = <K extends 'minutes-public' | 'minutes-internal' | 'minutes-review'>(k: K) =>
  z.object({ kind: z.literal(k), storedName, ...minutesRecords }).strict();

export const TemplateExportArgs = z.discriminatedUnion('kind', [
  minutesArgs('minutes-public'),
  minutesArgs('minutes-internal'),
  minutesArgs('minutes-review'),
  z.object({ kind: z.literal('agenda'), storedName, council: Council, meeting: Meeting }).strict(),
  z.object({ kind: z.literal('responses'), storedName, publication: z.boolean(), data: OpinionDocumentData }).strict(),
]);
export type TemplateExportArgs = z.infer<typeof TemplateExportArgs>;

export const templatesChannels = {
  /**
   * Checks a template (.docx as base64) by filling it with the sample meeting; only then
   * stores it as an attachment and, when it replaces one, removes the old file.
   */
  'template:upload:docx': channel(
    z
      .object({
        kind,
        fileName: z.string().min(1).max(300),
        base64: z.string().min(1).max(base64Max(TEMPLATE_UPLOAD_MAX_BYTES), 'テンプレートが大きすぎます（20MB まで）'),
        replaces: storedName.nullable(),
      })
      .strict(),
    CouncilTemplate,
  ),
  /** The council's templates with whether each file is still in the data folder. */
  'template:list:files': channel(
    z.object({ templates: z.array(CouncilTemplate).max(50) }).strict(),
    z.array(CouncilTemplate.extend({ kindLabel: z.string(), present: z.boolean() })),
  ),
  'template:remove:file': channel(z.object({ storedName }).strict(), z.object({})),
  /** A starter template (ひな形) of one kind, in the council's fonts when given. */
  'template:export:starter': channel(z.object({ kind, council: Council.optional() }).strict(), SavedFile),
  /** 「テンプレートの作り方」: every tag with an example value. */
  'template:export:guide': channel(z.object({}).strict(), SavedFile),
  /** 「テンプレートで出力」: fills the stored template with the records (公開版 rules applied in main). */
  'template:export:document': channel(TemplateExportArgs, SavedFile),
} as const;
