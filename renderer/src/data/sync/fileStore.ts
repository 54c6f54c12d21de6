/**
 * The data folder's attachments as the files mirror (files.ts) reaches them in the app: read in
 * pieces through `team:read:attachment`, written with the ordinary attachment channel (the
 * stored name's uuid as the upload id, so the file keeps its name; a name already stored is
 * never overwritten by main).
 */
import { ATTACHMENT_CHUNK_BYTES } from '../../../../shared/contract/councils';
import { TEAM_FILE_CHUNK_BYTES } from '../../../../shared/contract/team';
import { toBase64 } from '../../../../shared/bytes';
import { call } from '../../platform/bridge';
import type { FileStore } from './files';

function fromBase64(base64: string): Uint8Array {
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export const ipcFileStore: FileStore = {
  async size(storedName) {
    return (await call('team:read:attachment', { storedName, offset: 0, length: 0 })).size;
  },
  async read(storedName) {
    const first = await call('team:read:attachment', { storedName, offset: 0, length: TEAM_FILE_CHUNK_BYTES });
    if (first.size === null) throw new Error(`添付ファイル ${storedName} が見つかりません。`);
    const out = new Uint8Array(first.size);
    let at = 0;
    let piece = fromBase64(first.base64);
    for (;;) {
      out.set(piece, at);
      at += piece.length;
      if (at >= first.size || !piece.length) break;
      const next = await call('team:read:attachment', { storedName, offset: at, length: TEAM_FILE_CHUNK_BYTES });
      piece = fromBase64(next.base64);
    }
    return out.subarray(0, at);
  },
  async write(storedName, bytes) {
    const uploadId = storedName.replace(/\.[a-z0-9]+$/, '');
    const pieces = Math.max(1, Math.ceil(bytes.length / ATTACHMENT_CHUNK_BYTES));
    try {
      for (let index = 0; index < pieces; index++) {
        const slice = bytes.subarray(index * ATTACHMENT_CHUNK_BYTES, (index + 1) * ATTACHMENT_CHUNK_BYTES);
        await call('attachment:write:chunk', {
          uploadId,
          index,
          base64: toBase64(slice),
          last: index === pieces - 1,
          originalName: storedName,
        });
      }
    } catch (error) {
      // Stored meanwhile (the same file from a second look): nothing to do.
      if ((await this.size(storedName)) === null) throw error;
    }
  },
};
