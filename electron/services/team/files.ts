/**
 * The stored attachments as the team's files database sees them: the page reads a stored file
 * in pieces to put it into the council's files database (renderer/src/data/sync/files.ts);
 * files that arrive from the server are written with the ordinary attachment channels.
 */
import { promises as fs } from 'node:fs';
import { attachmentPath } from '../councils/attachments';

/** A piece of a stored file (`size` null = not in the data folder). */
export async function readAttachmentPiece(
  dir: string,
  storedName: string,
  offset: number,
  length: number,
): Promise<{ size: number | null; base64: string }> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(attachmentPath(dir, storedName), 'r');
  } catch {
    return { size: null, base64: '' };
  }
  try {
    const { size } = await handle.stat();
    const want = Math.max(0, Math.min(length, size - offset));
    const buf = Buffer.alloc(want);
    let read = 0;
    while (read < want) {
      const { bytesRead } = await handle.read(buf, read, want - read, offset + read);
      if (!bytesRead) break;
      read += bytesRead;
    }
    return { size, base64: buf.subarray(0, read).toString('base64') };
  } finally {
    await handle.close();
  }
}
