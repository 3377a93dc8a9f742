import type { AppContext } from '../../appContext.ts';
import { phoneBlindIndex } from '../../crypto/blindIndex.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/**
 * A missed caller's number in clear, to call back: written to the access log (who, when, IP, the
 * number's blind index, the reason) before it is returned. The route checked 'personal-data:reveal'.
 */
export async function revealMissedCallNumber(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: { reason: string },
  origin: { ip: string | null },
): Promise<{ callerNumber: string | null }> {
  const db = ctx.database.db;
  const call = await callRepository.findById(db, ctx.fieldCodec, id);
  if (!call || call.callbackStatus === null)
    throw new AppError('not-found', msg('cti.missedCallNotFound', { id }));
  if (call.personalDataErasedAt !== null) throw new AppError('conflict', msg('cti.numberErased'));
  await auditRepository.append(db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user.id,
    action: 'personal-data.reveal',
    subject: `call:${id}`,
    subjectIndex: call.customerNumber ? phoneBlindIndex(ctx.fieldKeys, call.customerNumber) : null,
    ip: origin.ip,
    reason: input.reason,
    detail: { fields: ['callerNumber'], role: user.role },
  });
  return { callerNumber: call.customerNumber };
}
