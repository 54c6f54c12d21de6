/**
 * A backup read as it arrives (shared/backup-stream.ts): whatever the chunks, the tables handed
 * over are the file's, in its order, each once, complete; the head is checked (a newer app's
 * backup refused) before any table; a broken file is refused.
 */
import { describe, expect, it } from 'vitest';
import { BackupStreamReader } from '../../shared/backup-stream';
import type { BackupHead } from '../../shared/backup-format';

type Row = Record<string, unknown>;

/** Reads `text` in chunks of the sizes given (cycled), answering what the sink saw, in order. */
function read(text: string, sizes: number[] = [text.length || 1], known = 7) {
  const seen: (['head', BackupHead] | ['table', string, Row[]])[] = [];
  const reader = new BackupStreamReader('backup-x.json', known, {
    head: (h) => seen.push(['head', h]),
    table: (name, rows) => seen.push(['table', name, rows]),
  });
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = sizes[k % sizes.length]!;
    reader.push(text.slice(at, at + size));
    at += size;
  }
  const head = reader.end();
  return { head, seen, tables: seen.filter((s) => s[0] === 'table').map((s) => [s[1], s[2]]) };
}

const envelope = (dexie: string) =>
  `{"format":"shingikai-backup","formatVersion":2,"appVersion":"1.0.0","createdAt":"2026-11-30T00:00:00.000Z","attachments":[{"storedName":"a.pdf","size":3}],"missingAttachments":[],"db":${dexie}}`;

const dexie = (tables: [string, Row[]][], version = 7) =>
  JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'shingikai-desk',
      databaseVersion: version,
      data: tables.map(([tableName, rows]) => ({ tableName, inbound: true, rows })),
      tables: tables.map(([name, rows]) => ({ name, schema: 'id', rowCount: rows.length })),
    },
  });

/** Records that make a scanner's life hard: quotes, backslashes, brackets and commas in strings, nesting, `rows` keys. */
const tricky: Row[] = [
  { id: 'r1', text: '「発言」に "引用" と \\ と \\" と {[,]} と ]}', n: 1 },
  { id: 'r2', text: '', nested: { rows: [1, [2, { rows: '[' }]], data: { data: [] } }, empty: [], obj: {} },
  { id: 'r3', text: '\\\\', unicode: '\u2028\u0000ｶﾀｶﾅ𠮷', n: -1.5e-3, t: true, f: false, z: null },
  { id: 'r4', text: 'end with backslash \\' },
];

const tables: [string, Row[]][] = [
  ['councils', [{ id: 'c1', name: '審議会' }]],
  ['remarks', tricky],
  ['opinions', []],
  ['meta', [{ key: 'operatorName', value: '山田' }]],
];

describe('a backup read as it arrives', () => {
  const text = envelope(dexie(tables));

  it('hands over every table, complete and in order, whatever the chunks (one character, odd sizes, the whole)', () => {
    const whole = read(text);
    expect(whole.tables).toEqual(tables);
    expect(whole.head).toMatchObject({ formatVersion: 2, schemaVersion: 7, appVersion: '1.0.0' });
    expect(whole.head.attachments).toEqual([{ storedName: 'a.pdf', size: 3 }]);
    for (const sizes of [[1], [2, 3], [7], [64, 1, 13], [1000]]) expect(read(text, sizes).tables).toEqual(tables);
    // The head first, then the tables.
    expect(whole.seen.map((s) => s[0])).toEqual(['head', 'table', 'table', 'table', 'table']);
  });

  it('reads a file with white space, a table name after its rows, and a format-1 file (the dexie export alone)', () => {
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    expect(read(pretty, [5, 11]).tables).toEqual(tables);
    const nameAfter = text.replace('{"tableName":"remarks","inbound":true,"rows":', '{"inbound":true,"rows":');
    const moved = nameAfter.replace(/("rows":\[\{"id":"r1".*?\]),"tableName":/, '$1,"tableName":');
    const tailNamed = moved.replace(
      `${JSON.stringify(tricky).slice(0, -1)}]}`,
      `${JSON.stringify(tricky)},"tableName":"remarks"}`,
    );
    expect(tailNamed).toContain(`}],"tableName":"remarks"}`);
    expect(tailNamed).toContain(`{"inbound":true,"rows":[{"id":"r1"`);
    expect(read(tailNamed, [3]).tables).toEqual(tables);
    const format1 = dexie(tables, 6);
    const r = read(format1, [9]);
    expect(r.tables).toEqual(tables);
    expect(r.head).toMatchObject({ formatVersion: 1, schemaVersion: 6 });
  });

  it('rows in batches: many rows over several batches, each once', () => {
    const many = Array.from({ length: 16_000 }, (_, i) => ({
      id: `r${i}`,
      text: `第${i}の発言、「引用」と\\記号`.repeat(8),
    }));
    const big: [string, Row[]][] = [
      ['remarks', many],
      ['councils', [{ id: 'c1' }]],
    ];
    const bigText = envelope(dexie(big));
    expect(bigText.length).toBeGreaterThan(2 << 20); // over two batches
    expect(read(bigText, [65_536, 1_000_003]).tables).toEqual(big);
    // Chunks larger than a batch (Electron hands the file over in 4 MB slices): batches inside a chunk.
    expect(read(bigText, [3_000_000]).tables).toEqual(big);
  });

  it('a database version given after the tables: the tables wait for the head, and come after it', () => {
    const late = text.replace('"databaseVersion":7,', '').replace('"tables":[', '"databaseVersion":7,"tables":[');
    const r = read(late, [17]);
    expect(r.seen[0]![0]).toBe('head');
    expect(r.tables).toEqual(tables);
    // So too a format-1 file that names its format last.
    const named = dexie(tables, 6)
      .replace('"formatName":"dexie","formatVersion":1,', '')
      .replace(/}$/, ',"formatName":"dexie","formatVersion":1}');
    expect(named).toMatch(/^\{"data":/);
    expect(read(named, [29]).tables).toEqual(tables);
  });

  it('refuses a backup of a newer app, or not a backup, before any table is handed over', () => {
    const seen: string[] = [];
    const reader = new BackupStreamReader('backup-x.json', 7, {
      head: () => seen.push('head'),
      table: (name) => seen.push(name),
    });
    const newer = envelope(dexie(tables, 9));
    expect(() => reader.push(newer.slice(0, newer.indexOf('"rows":') + 20))).toThrow(/データベース 9/);
    expect(seen).toEqual([]);
    expect(() => read(envelope(dexie(tables)).replace('"formatVersion":2', '"formatVersion":3'))).toThrow(
      /新しい版の審議会デスク（形式 3）/,
    );
    expect(() => read('{"hello":[{"rows":[1]}]}')).toThrow(/審議会デスクのバックアップではありません/);
  });

  it('refuses a broken file: cut short, broken inside rows, brackets that do not match, text after the end, a malformed pack', () => {
    expect(() => read(text.slice(0, text.length - 40))).toThrow(/ファイルが壊れています/);
    expect(() => read(text.slice(0, text.indexOf('"id":"r2"') + 4))).toThrow(/ファイルが壊れています/);
    expect(() => read(text.replace('{"id":"r2"', '{"id":"r2",,'))).toThrow(/ファイルが壊れています/);
    expect(() =>
      read(text.replace('"rows":[{"id":"c1","name":"審議会"}]', '"rows":[{"id":"c1","name":"審議会"}}')),
    ).toThrow(/ファイルが壊れています/);
    expect(() => read(`${text} x`)).toThrow(/ファイルが壊れています/);
    // A comma before a rows array's end, wherever the chunks are cut.
    const trailing = text.replace('"text":"end with backslash \\\\"}]', '"text":"end with backslash \\\\"},]');
    expect(trailing).not.toBe(text);
    for (const sizes of [[text.length], [1], [7]])
      expect(() => read(trailing, sizes)).toThrow(/ファイルが壊れています/);
    // A table twice, and an element of the table list that is not a table.
    const twice = envelope(dexie([...tables, ['councils', [{ id: 'c2' }]]]));
    expect(() => read(twice)).toThrow(/ファイルが壊れています/);
    expect(() => read(text.replace('"data":[{"tableName"', '"data":[null,{"tableName"'))).toThrow(
      /記録の形式が正しくありません/,
    );
    expect(() => read(envelope(dexie([['remarkPacks', [{ group: 'm1' }]]])))).toThrow(
      /記録のまとまりの形式が正しくありません/,
    );
    expect(() => read(envelope(dexie([['remarks', 'x' as unknown as Row[]]])))).toThrow(/記録の形式が正しくありません/);
  });
});
