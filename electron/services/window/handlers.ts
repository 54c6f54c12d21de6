/** Handlers of the window channels (no 'electron' here: the opener is installed by main). */
import type { ServiceContext } from '../../core/context';
import type { Handler } from '../../core/dispatch';
import { windowOpener } from '../../core/windows';

export function windowHandlers(_ctx: ServiceContext): { 'window:open:projector': Handler<'window:open:projector'> } {
  return {
    'window:open:projector': ({ meetingId }) => {
      const opener = windowOpener();
      if (!opener) return { opened: false };
      opener.openProjector(meetingId);
      return { opened: true };
    },
  };
}
