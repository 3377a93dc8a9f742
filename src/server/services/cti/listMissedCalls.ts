import type { MissedCall } from '../../../contract/cti/missedCallSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import { identifyCallers } from './identifyCallers.ts';
import { presentCallbackHolder } from './presentCallbackHolder.ts';
import { presentMissedCall } from './presentMissedCall.ts';

/**
 * Missed calls waiting for (or given) their callback, numbers masked, each with who the caller is
 * by the directory as the screen pop says it (a registered 관리책임자 is called back as one).
 */
export async function listMissedCalls(
  ctx: AppContext,
  query: { status: 'open' | 'done' | 'erased' | 'all'; limit: number },
  locale: Locale = 'ko',
): Promise<MissedCall[]> {
  const db = ctx.database.db;
  const rows = await callRepository.listCallbacks(db, ctx.fieldCodec, query);
  const callers = await identifyCallers(
    db,
    ctx.fieldCodec,
    rows.map((row) => row.call.customerNumber),
    locale,
  );
  const now = ctx.now();
  return rows.map((row) =>
    presentMissedCall(
      row.call,
      row.doneByName,
      row.call.customerNumber ? (callers.get(row.call.customerNumber) ?? null) : null,
      presentCallbackHolder(
        { takenBy: row.call.callbackTakenBy, takenAt: row.call.callbackTakenAt, name: row.takenByName },
        now,
        ctx.env.IEUM_CALLBACK_HOLD_MINUTES,
      ),
    ),
  );
}
