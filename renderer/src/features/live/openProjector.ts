/** Opens the projector view: a second window on the external display (app) or a new tab/window (browser). */
import { bridge, call } from '../../platform/bridge';

export async function openProjector(meetingId: string): Promise<void> {
  if (bridge.mode === 'electron') {
    await call('window:open:projector', { meetingId });
    return;
  }
  // noopener: its own browsing context (and, as a rule, its own process), so the wall never holds up the typist.
  window.open(
    `#/projector/${encodeURIComponent(meetingId)}`,
    `projector-${meetingId}`,
    'popup,noopener,width=1280,height=720',
  );
}
