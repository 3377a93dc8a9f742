import type { MissedCall } from '../../../contract/cti/missedCallSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { identifyCallers } from './identifyCallers.ts';
import { presentMissedCall } from './presentMissedCall.ts';

/** Marks a missed call's callback made; pressed twice, it answers with the first completion. */
export async function completeMissedCallCallback(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  locale: Locale = 'ko',
): Promise<MissedCall> {
  const { call, doneByName } = await ctx.database.db.transaction(async (tx) => {
    const done = await callRepository.completeCallback(tx, ctx.fieldCodec, id, user.id, ctx.now());
    if (done) {
      await publishEvent(tx, { type: 'call.callback-done', data: { callId: id } });
      return { call: done, doneByName: user.name };
    }
    const found = await callRepository.findById(tx, ctx.fieldCodec, id);
    if (!found || found.callbackStatus === null)
      throw new AppError('not-found', msg('cti.missedCallNotFound', { id }));
    return { call: found, doneByName: found.callbackDoneBy === user.id ? user.name : null };
  });
  // Read after the commit: PGlite runs one transaction at a time, and the answer needs no lock.
  const number = call.customerNumber;
  const callers = await identifyCallers(ctx.database.db, ctx.fieldCodec, [number], locale);
  // A callback made is no one's to make any more: it has no holder.
  return presentMissedCall(call, doneByName, number ? (callers.get(number) ?? null) : null, null);
}
