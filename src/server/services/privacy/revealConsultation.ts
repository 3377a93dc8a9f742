import { type RevealableField, revealableFields } from '../../../contract/privacy/revealableFieldSchema.ts';
import type { RevealConsultationInput } from '../../../contract/privacy/revealConsultationSchema.ts';
import type { RevealedConsultation } from '../../../contract/privacy/revealedConsultationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/** Who asked, from where (the access log needs both). */
export type AccessOrigin = { ip: string | null };

/**
 * Returns a consultation's personal fields in clear, for the response that asked only: nothing is
 * cached or stored. Each reveal is written to the hash-chained access log first (account, time,
 * source IP, consultation id and the blind index of its phone, the fields and the reason); if that
 * write fails, nothing is revealed. The route has already checked 'personal-data:reveal'.
 */
export async function revealConsultation(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: RevealConsultationInput,
  origin: AccessOrigin,
): Promise<RevealedConsultation> {
  const found = await consultationRepository.findById(ctx.database.db, ctx.fieldCodec, id);
  if (!found) throw new AppError('not-found', msg('common.consultationNotFound', { id }));
  const fields = input.fields ?? [...revealableFields];
  await auditRepository.append(ctx.database.db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user.id,
    action: 'personal-data.reveal',
    subject: `consultation:${id}`,
    subjectIndex: found.consultation.personalIndex?.[0] ?? null,
    ip: origin.ip,
    reason: input.reason,
    detail: { fields, role: user.role },
  });
  const row = found.consultation;
  const recordFields = row.recordFields ?? {};
  const clearValue = (field: RevealableField): string | null => {
    if (field === 'callerNumber') return row.callerNumber;
    if (field === 'title') return row.recordTitle;
    if (field === 'body') return row.recordBody;
    return recordFields[field] ?? null;
  };
  return {
    consultationId: id,
    values: Object.fromEntries(fields.map((field) => [field, clearValue(field)])),
    personalDataErasedAt: row.personalDataErasedAt?.toISOString() ?? null,
  };
}
