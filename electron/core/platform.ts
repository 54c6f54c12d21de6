/**
 * What differs between running inside Electron and in browser mode: dialogs and the
 * shell. Services take a Platform and never import 'electron' themselves.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  readonly mode: 'electron' | 'browser';
  /** The folder exports are offered in when the user has not chosen one yet. */
  defaultExportDir(): string;
  /** Asks where to save (native dialog in Electron); null when the user cancels. */
  chooseSavePath(opts: { defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  openPath(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
}
