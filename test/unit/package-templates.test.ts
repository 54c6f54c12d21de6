/**
 * A council's Word templates and minutes style travel in its package (.shingikai): the
 * template files (kept among the attachments) are packed by the storedName the council
 * record names, installed on import, and still fill; the style comes back as it was.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildSampleCouncil } from '../../resources/sample/iizuka';
import { datasafeHandlers, newUploadId } from '../../electron/services/datasafe-handlers';
import { attachmentsDir } from '../../electron/core/context';
import { TemplateStore } from '../../electron/services/templates/store';
import { buildStarterTemplate } from '../../electron/services/templates/starter';
import { Council } from '../../shared/domain';
import { bundlesToTables } from '../../shared/package';
import { findPreset } from '../../shared/minutes/style';
import { testServiceContext } from './service-context';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'sgd-pkg-tpl-'));

describe('council package: Word templates and minutes style', () => {
  it('packs the council’s template files, installs them on import, and keeps the style', async () => {
    const here = testServiceContext(tmp());
    const bundle = buildSampleCouncil({ now: '2023-07-07T06:30:00.000Z' });
    const style = findPreset('発言者別（コロン・西暦）')!;
    const starter = await buildStarterTemplate('minutes-public', bundle.council);
    const template = await new TemplateStore(attachmentsDir(here)).upload({
      kind: 'minutes-public',
      fileName: '会議録_公開版.docx',
      bytes: starter,
      replaces: null,
      now: '2023-07-07T06:30:00.000Z',
    });
    // The council record as the renderer keeps it: validated by the domain schema.
    bundle.council = Council.parse({ ...bundle.council, minutesStyle: style, templates: [template] });
    expect(bundle.council.templates).toEqual([template]);
    const tables = bundlesToTables([bundle]);

    const saved = await datasafeHandlers(here)['package:write']({ tables, schemaVersion: 1 });
    expect(Object.keys(saved.manifest.files)).toContain(`attachments/${template.storedName}`);
    // An ordinary zip reader opens it too, the template byte for byte.
    const zip = await JSZip.loadAsync(readFileSync(saved.file.path));
    expect(Buffer.from(await zip.file(`attachments/${template.storedName}`)!.async('uint8array'))).toEqual(
      Buffer.from(starter),
    );

    const there = testServiceContext(tmp());
    const h = datasafeHandlers(there);
    const uploadId = newUploadId();
    await h['package:upload:chunk']({
      uploadId,
      index: 0,
      base64: readFileSync(saved.file.path).toString('base64'),
      last: true,
    });
    const read = await h['package:read']({ uploadId, fileName: saved.file.name });
    const council = Council.parse(read.tables.councils![0]);
    expect(council.templates).toEqual([template]);
    expect(council.minutesStyle).toEqual(style);

    expect(await h['package:install:files']({ uploadId })).toMatchObject({ attachments: 1 });
    const store = new TemplateStore(attachmentsDir(there));
    expect(Buffer.from(await store.read(template.storedName))).toEqual(Buffer.from(starter));
    expect(await store.list(council.templates!)).toMatchObject([{ storedName: template.storedName, present: true }]);
  });
});
