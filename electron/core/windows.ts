/**
 * The seam through which handlers open app windows. Electron's window module installs
 * the opener when the main window exists; browser mode has none (the page opens a tab).
 */
export interface WindowOpener {
  openProjector(meetingId: string): void;
}

let opener: WindowOpener | null = null;

export function setWindowOpener(next: WindowOpener | null): void {
  opener = next;
}

export function windowOpener(): WindowOpener | null {
  return opener;
}
