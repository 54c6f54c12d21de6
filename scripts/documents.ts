/**
 * Writes every document the app can export for council bundles, with the same
 * main-process export code as the app (the one list in electron/services/exports/samples.ts).
 * Used by `npm run samples` and `npm run cli -- documents`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { CouncilBundle } from '../shared/domain';
import { SAMPLE_PRODUCERS } from '../electron/services/exports/samples';
import { safeFileName, writeFileAtomic } from '../electron/services/files';

export interface WrittenDocument {
  file: string;
  bytes: number;
  ms: number;
}

/** One folder per council when there are several; the documents straight in `out` for one. */
export async function writeDocuments(
  bundles: CouncilBundle[],
  out: string,
  log: (line: string) => void = console.log,
): Promise<WrittenDocument[]> {
  const written: WrittenDocument[] = [];
  for (const bundle of bundles) {
    const folder = bundles.length > 1 ? path.join(out, safeFileName(bundle.council.name)) : out;
    await mkdir(folder, { recursive: true });
    for (const doc of SAMPLE_PRODUCERS.flatMap((produce) => produce(bundle))) {
      const started = Date.now();
      const data = await doc.build();
      const file = path.join(folder, safeFileName(doc.fileName));
      await writeFileAtomic(file, data);
      const ms = Date.now() - started;
      written.push({ file, bytes: data.byteLength, ms });
      log(`${path.relative(out, file)}\t${(data.byteLength / 1024).toFixed(1)} KB\t${ms} ms`);
    }
  }
  return written;
}
