import { desc, eq } from 'drizzle-orm';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { openRow } from '../crypto/openRow.ts';
import { calls } from '../db/ctiSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import type { CallRow } from './callRepository.ts';
import { sealedTables } from './sealedTables.ts';

/** The CTI calls a data-subject request finds (access, export): read only, numbers opened. */
export const subjectCallRepository = {
  /**
   * Calls whose customer number has this blind index (a phone's; an e-mail finds none), newest
   * first. Calls already erased have no index left, so they are not the subject's any more.
   */
  findByCustomerIndex: async (
    db: Database,
    codec: FieldCodec,
    index: string,
    limit: number,
  ): Promise<CallRow[]> => {
    const rows = await db
      .select()
      .from(calls)
      .where(eq(calls.customerIndex, index))
      .orderBy(desc(calls.startedAt), desc(calls.id))
      .limit(limit);
    return rows.map((row) => openRow(codec, sealedTables.calls, row));
  },
};
