import { describe, expect, it } from 'vitest';
import { newCouncil } from '../../shared/factory';
import { buildSampleCouncil } from '../../resources/sample/iizuka';

describe('a new council', () => {
  it('starts with no fields: the sample council’s fields are not copied', () => {
    const c = newCouncil({ name: 'テスト市環境審議会' });
    expect(c.fields).toEqual([]);
    expect(c.name).toBe('テスト市環境審議会');
    expect(c.matrixColumns).toHaveLength(4);
  });

  it('keeps the fields and the id it is given', () => {
    const c = newCouncil({ id: 'c1', name: 'X', fields: [{ id: 'f1', name: '環境' }] });
    expect(c.id).toBe('c1');
    expect(c.fields).toEqual([{ id: 'f1', name: '環境' }]);
  });

  it('the sample council still has its six fields', () => {
    let n = 0;
    const bundle = buildSampleCouncil({ makeId: () => `id${++n}`, now: '2023-07-07T06:30:00.000Z' });
    expect(bundle.council.fields.map((f) => f.name)).toEqual([
      '行政施策',
      'DX推進',
      '財務',
      '人材育成',
      '働き方改革',
      '経営',
    ]);
    // Ids come in the order they always did: the council, then its fields.
    expect(bundle.council.id).toBe('id1');
    expect(bundle.council.fields[0]!.id).toBe('id2');
  });
});
