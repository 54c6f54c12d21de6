/** Opens the projector view: a second window on the external display (app) or a new tab/window (browser). */
import { bridge, call } from '../../bridge';

export async function openProjector(meetingId: string): Promise<void> {
  if (bridge.mode === 'electron') {
    await call('window:open:projector', { meetingId });
    return;
  }
  window.open(`#/projector/${encodeURIComponent(meetingId)}`, `projector-${meetingId}`, 'popup,width=1280,height=720');
}
