/**
 * Files of shared councils (materials' PDFs) through the loopback CouchDB-compatible server:
 * a file attached on PC A is in PC B's data folder after sync, byte for byte (6 MB); when A
 * removes the material, the file's document goes from the server and B's files database, and
 * is not sent back by B (whose copy of the meeting may still be the older one).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importBundle } from '../../renderer/src/data/bundle';
import { FileMirror, type FileStore } from '../../renderer/src/data/sync/files';
import { changeMeeting } from '../../renderer/src/features/meetings/data';
import { filesDbName } from '../../shared/contract/team';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { testCouchServer, MemoryPouch, SyncClient, until } from './sync-server';

const server = testCouchServer('sync-files-');

/** A PC's attachments folder. */
function folderStore(folder: string): FileStore {
  const at = (n: string) => path.join(folder, n);
  return {
    size: (n) =>
      stat(at(n)).then(
        (s) => s.size,
        () => null,
      ),
    read: async (n) => new Uint8Array(await readFile(at(n))),
    write: async (n, bytes) => {
      await mkdir(folder, { recursive: true });
      await writeFile(at(n), bytes);
    },
  };
}

async function withFiles(client: SyncClient, councilId: string, folder: string) {
  const prefix = `${client.name}-${randomUUID()}-`;
  const files = new FileMirror({
    db: client.db,
    councils: [councilId],
    store: folderStore(folder),
    openLocal: (name) => new MemoryPouch(`${prefix}${name}`, { adapter: 'memory' }),
    openRemote: (name) => server.remote(name),
    retryMaxMs: 1000,
    pollMs: 500,
    debounceMs: 100,
    onError: (e) => client.errors.push(e),
  });
  await files.start();
  return files;
}

describe('team sync of attachments', () => {
  it('a material attached on A opens on B; removed on A, its file leaves the server and is not sent back', async () => {
    const bundle = buildSampleCouncil();
    const a = new SyncClient('山田', server);
    const b = new SyncClient('鈴木', server);
    const folderA = path.join(server.dir, 'a-attachments');
    const folderB = path.join(server.dir, 'b-attachments');
    const councilId = await importBundle(a.db, bundle);
    await a.open([councilId]);
    await b.open([councilId]);
    const filesA = await withFiles(a, councilId, folderA);
    const filesB = await withFiles(b, councilId, folderB);
    const meeting = bundle.meetings[0]!;
    await until(async () => !!(await b.db.meetings.get(meeting.id)), 30_000, 'first sync');

    // A attaches a 6 MB PDF to a material (as the materials section does: file stored, then the record).
    const storedName = `${randomUUID()}.pdf`;
    const bytes = randomBytes(6 * 1024 * 1024);
    await mkdir(folderA, { recursive: true });
    await writeFile(path.join(folderA, storedName), bytes);
    const material = {
      id: randomUUID(),
      label: '資料９',
      title: '事業計画（案）',
      file: { storedName, originalName: '事業計画.pdf', size: bytes.length },
    };
    await changeMeeting(a.db, meeting.id, (m) => ({ materials: [...m.materials, material] }));

    // B: the record arrives, and the file is in B's data folder, byte for byte.
    await until(
      async () =>
        (await b.db.meetings.get(meeting.id))?.materials.some((m) => m.file?.storedName === storedName) ?? false,
      30_000,
      'material on B',
    );
    await until(
      async () => (await stat(path.join(folderB, storedName)).catch(() => null))?.size === bytes.length,
      60_000,
      'file on B',
    );
    expect(Buffer.compare(await readFile(path.join(folderB, storedName)), bytes)).toBe(0);
    const remote = server.remote(filesDbName(councilId));
    const doc = (await remote.get(`file:${storedName}`)) as {
      size: number;
      by: string;
      _attachments: Record<string, { length: number }>;
    };
    expect(doc.size).toBe(bytes.length);
    expect(doc.by).toBe('山田');
    expect(doc._attachments.file!.length).toBe(bytes.length);

    // A removes the material → the file's document is deleted on the server and on B.
    await changeMeeting(a.db, meeting.id, (m) => ({ materials: m.materials.filter((x) => x.id !== material.id) }));
    await until(
      async () => !(await b.db.meetings.get(meeting.id))?.materials.some((m) => m.id === material.id),
      30_000,
      'removal on B',
    );
    const gone = async (db: { allDocs: typeof remote.allDocs }) =>
      (await db.allDocs({ keys: [`file:${storedName}`] })).rows[0]?.value?.deleted === true;
    await until(() => gone(remote), 30_000, 'file deleted on the server');
    await until(() => gone(filesB.local(councilId)), 30_000, 'file deleted on B');
    // B looks again (and again): the file is not sent back to the server.
    await filesB.flush();
    await filesB.flush();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await gone(remote)).toBe(true);

    // 元に戻す on A: the material names the file again → it is sent again, and B has it.
    await changeMeeting(a.db, meeting.id, (m) => ({ materials: [...m.materials, material] }));
    await until(
      async () => !(await gone(remote)) && !!(await remote.get(`file:${storedName}`).catch(() => null)),
      30_000,
      'file back on the server',
    );

    await filesA.stop();
    await filesB.stop();
    await a.close();
    await b.close();
    // No HTTP connection may stay open when afterAll kills the server (its reset would be unhandled).
    await remote.close();
    expect(a.errors.filter((e) => !/conflict/i.test(String((e as Error)?.message ?? e)))).toEqual([]);
  }, 180_000);
});
