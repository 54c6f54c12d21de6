/** Settings kept in the database: the 作業者名 (also stamped as updatedBy by the write path). */
import { db } from '../../data/db';
import { OPERATOR_NAME_KEY } from '../../data/write';

export function readOperatorName() {
  return db.meta.get(OPERATOR_NAME_KEY);
}

export async function saveOperatorName(name: string): Promise<void> {
  await db.meta.put({ key: OPERATOR_NAME_KEY, value: name.trim() });
}
