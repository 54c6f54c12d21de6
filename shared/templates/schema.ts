/**
 * One registered Word template, as the council record keeps it (Council.templates): the file
 * lives among the attachments (<dataDir>/attachments/<storedName>), so a council package and
 * a backup carry it by its storedName like any attachment.
 */
import { z } from 'zod';
import { STORED_NAME } from '../stored-name';
import { TEMPLATE_KINDS } from './tags';

export const CouncilTemplate = z
  .object({
    kind: z.enum(TEMPLATE_KINDS),
    storedName: z.string().regex(STORED_NAME),
    originalName: z.string().min(1).max(300),
    size: z.number().int().min(0),
    uploadedAt: z.string().max(40),
  })
  .strict();
export type CouncilTemplate = z.infer<typeof CouncilTemplate>;
