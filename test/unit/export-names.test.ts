import { mkdtempSync, mkdirSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { councilFileLabel, withCouncilName } from '../../electron/services/export-names';
import { dispatch } from '../../electron/core/dispatch';
import { createHandlers } from '../../electron/main/handlers';
import { sampleBundle, sampleInput } from './minutes-helpers';
import { testServiceContext } from './service-context';

describe('export file names carry the council', () => {
  it('leads with the short name when set, else the name; never twice', () => {
    const council = { name: '飯塚市行政経営戦略推進審議会' };
    expect(withCouncilName('第2回_会議録_公開版.docx', council)).toBe(
      '飯塚市行政経営戦略推進審議会_第2回_会議録_公開版.docx',
    );
    expect(withCouncilName('第2回_会議録_公開版.docx', { ...council, fileLabel: ' 行革審 ' })).toBe(
      '行革審_第2回_会議録_公開版.docx',
    );
    expect(withCouncilName('第2回_会議録_公開版.docx', { ...council, fileLabel: '' })).toMatch(/^飯塚市/);
    expect(withCouncilName('飯塚市行政経営戦略推進審議会_出欠表.xlsx', council)).toBe(
      '飯塚市行政経営戦略推進審議会_出欠表.xlsx',
    );
    expect(withCouncilName('意見シート.xlsx', null)).toBe('意見シート.xlsx');
    expect(councilFileLabel('  行革  審  ')).toBe('行革 審');
  });

  it("two councils' minutes of the same meeting number land side by side under their own names, not as 「(2)」", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'export-names-'));
    mkdirSync(path.join(root, 'exports'));
    const handlers = createHandlers(testServiceContext(root, { dataDir: path.join(root, 'data'), appVersion: 'test' }));
    const a = sampleInput(sampleBundle(), 'internal');
    const b = { ...a, council: { ...a.council, name: '飯塚市都市計画審議会', fileLabel: '都計審' } };
    const first = await dispatch(handlers, 'minutes:export:docx', a);
    const second = await dispatch(handlers, 'minutes:export:docx', b);
    expect(first).toMatchObject({ ok: true, value: { name: '飯塚市行政経営戦略推進審議会_第2回_会議録_内部版.docx' } });
    expect(second).toMatchObject({ ok: true, value: { name: '都計審_第2回_会議録_内部版.docx' } });
    expect(readdirSync(path.join(root, 'exports')).sort()).toEqual(
      ['都計審_第2回_会議録_内部版.docx', '飯塚市行政経営戦略推進審議会_第2回_会議録_内部版.docx'].sort(),
    );
  });
});
