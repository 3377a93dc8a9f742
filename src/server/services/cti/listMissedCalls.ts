import type { MissedCall } from '../../../contract/cti/missedCallSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import { presentMissedCall } from './presentMissedCall.ts';

/** Missed calls waiting for (or given) their callback, numbers masked. */
export async function listMissedCalls(
  ctx: AppContext,
  query: { status: 'open' | 'done' | 'erased' | 'all'; limit: number },
): Promise<MissedCall[]> {
  const rows = await callRepository.listCallbacks(ctx.database.db, ctx.fieldCodec, query);
  return rows.map((row) => presentMissedCall(row.call, row.doneByName));
}
