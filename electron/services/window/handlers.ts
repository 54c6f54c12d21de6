/** Handlers of the window channels (no 'electron' here: main puts the opener in the context). */
import type { ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';

export function windowHandlers(ctx: ServiceContext): { 'window:open:projector': Handler<'window:open:projector'> } {
  return {
    'window:open:projector': ({ meetingId }) => {
      if (!ctx.windows) return { opened: false };
      ctx.windows.openProjector(meetingId);
      return { opened: true };
    },
  };
}
