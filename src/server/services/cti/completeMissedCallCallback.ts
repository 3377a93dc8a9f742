import type { MissedCall } from '../../../contract/cti/missedCallSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentMissedCall } from './presentMissedCall.ts';

/** Marks a missed call's callback made; pressed twice, it answers with the first completion. */
export async function completeMissedCallCallback(
  ctx: AppContext,
  user: PublicUser,
  id: string,
): Promise<MissedCall> {
  return ctx.database.db.transaction(async (tx) => {
    const done = await callRepository.completeCallback(tx, ctx.fieldCodec, id, user.id, ctx.now());
    if (done) {
      await publishEvent(tx, { type: 'call.callback-done', data: { callId: id } });
      return presentMissedCall(done, user.name);
    }
    const found = await callRepository.findById(tx, ctx.fieldCodec, id);
    if (!found || found.callbackStatus === null)
      throw new AppError('not-found', msg('cti.missedCallNotFound', { id }));
    return presentMissedCall(found, found.callbackDoneBy === user.id ? user.name : null);
  });
}
