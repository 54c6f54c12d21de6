/** Settings kept in the database: the 作業者名 (also stamped as updatedBy by the write path), and the record counts shown. */
import { db } from '../../data/db';
import { OPERATOR_NAME_KEY } from '../../data/write';
import { useLiveQuery } from '../../data/live';

export function readOperatorName() {
  return db.meta.get(OPERATOR_NAME_KEY);
}

export async function saveOperatorName(name: string): Promise<void> {
  await db.meta.put({ key: OPERATOR_NAME_KEY, value: name.trim() });
}

/** How many councils, remarks and opinions the database holds (undefined while counting). */
export function useRecordCounts() {
  return useLiveQuery(
    async () => ({
      councils: await db.councils.count(),
      remarks: await db.remarks.count(),
      opinions: await db.opinions.count(),
    }),
    [],
  );
}
