/** Test data: a dexie-export-import file as the renderer's backup makes it (the format backups hold). */
import type { TableRecords } from '../../shared/package';

export function dexieExportJson(tables: TableRecords, databaseVersion = 1): string {
  return JSON.stringify({
    formatName: 'dexie',
    formatVersion: 1,
    data: {
      databaseName: 'shingikai-desk',
      databaseVersion,
      tables: Object.entries(tables).map(([name, rows]) => ({ name, schema: 'id', rowCount: rows.length })),
      data: Object.entries(tables).map(([tableName, rows]) => ({ tableName, inbound: true, rows })),
    },
  });
}
