import type { CallbackHolder } from '../../../contract/cti/callbackHolderSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { phoneBlindIndex } from '../../crypto/blindIndex.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentCallbackHolder } from './presentCallbackHolder.ts';

/** Live event: someone took a missed call's callback (ids only), for the business queue. */
export const CALLBACK_TAKEN_EVENT = 'call.callback-taken';

/**
 * A missed caller's number in clear, to call back: written to the access log (who, when, IP, the
 * number's blind index, the reason) before it is returned. The route checked 'personal-data:reveal'.
 * Revealing it is starting the callback: an open callback nobody else holds becomes the caller's
 * for IEUM_CALLBACK_HOLD_MINUTES, and the queue shows them calling, so a colleague does not call
 * the same customer; one a colleague holds stays theirs, and the answer names them.
 */
export async function revealMissedCallNumber(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: { reason: string },
  origin: { ip: string | null },
): Promise<{ callerNumber: string | null; callbackHeldBy: CallbackHolder | null }> {
  const db = ctx.database.db;
  const call = await callRepository.findById(db, ctx.fieldCodec, id);
  if (!call || call.callbackStatus === null)
    throw new AppError('not-found', msg('cti.missedCallNotFound', { id }));
  if (call.personalDataErasedAt !== null) throw new AppError('conflict', msg('cti.numberErased'));
  const now = ctx.now();
  const holdMinutes = ctx.env.IEUM_CALLBACK_HOLD_MINUTES;
  const taker = await db.transaction(async (tx) => {
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: user.id,
      action: 'personal-data.reveal',
      subject: `call:${id}`,
      subjectIndex: call.customerNumber ? phoneBlindIndex(ctx.fieldKeys, call.customerNumber) : null,
      ip: origin.ip,
      reason: input.reason,
      detail: { fields: ['callerNumber'], role: user.role },
    });
    const heldSince = new Date(now.getTime() - holdMinutes * 60_000);
    if (await callRepository.takeCallback(tx, id, user.id, now, heldSince))
      await publishEvent(tx, { type: CALLBACK_TAKEN_EVENT, data: { callId: id, takenById: user.id } });
    return callRepository.callbackTaker(tx, id);
  });
  return {
    callerNumber: call.customerNumber,
    callbackHeldBy: taker ? presentCallbackHolder(taker, now, holdMinutes) : null,
  };
}
