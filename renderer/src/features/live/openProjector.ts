/** Opens the projector view: a second window on the external display (app) or a new tab/window (browser). */
import { bridge, call } from '../../platform/bridge';
import { keepPublicLabels } from '../../data/publicLabels';

export async function openProjector(meeting: { id: string; councilId: string }): Promise<void> {
  const meetingId = meeting.id;
  if (bridge.mode === 'electron') {
    await call('window:open:projector', { meetingId });
  } else {
    // noopener: its own browsing context (and, as a rule, its own process), so the wall never holds up the typist.
    window.open(
      `#/projector/${encodeURIComponent(meetingId)}`,
      `projector-${meetingId}`,
      'popup,noopener,width=1280,height=720',
    );
  }
  // The letters the room sees are the ones every document will print (the projector follows the change).
  await keepPublicLabels(meeting.councilId, [meetingId]);
}
