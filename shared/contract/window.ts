/** Channels for the app's windows: the projector view of the live notes. */
import { z } from 'zod';
import { id } from '../domain';
import { channel } from './define';

export const windowChannels = {
  /** Opens (or moves to) the projector window for a meeting; opened=false where there is no second window (browser mode). */
  'window:open:projector': channel(z.object({ meetingId: id }).strict(), z.object({ opened: z.boolean() })),
} as const;
