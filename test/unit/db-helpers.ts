/** A fresh app database of its own (fake-indexeddb), and a member form's values, for the data-layer tests. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ShingikaiDB } from '../../renderer/src/data/database';

export const openTestDb = (prefix = 'test') =>
  new ShingikaiDB(`${prefix}-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });

/** A new member as the roster form gives it (no term, no affiliation). */
export const memberInput = {
  name: '佐藤花子',
  reading: 'さとうはなこ',
  role: '委員',
  category: '',
  affiliation: '',
  termStart: null,
  termEnd: null,
} as const;
