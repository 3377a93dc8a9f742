import type { Consultation } from '../../../contract/consultations/consultationSchema.ts';
import type { StartConsultationInput } from '../../../contract/consultations/startConsultationSchema.ts';
import { normalizeKoreanPhone } from '../../../domain/privacy/normalizeKoreanPhone.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { consultationRetentionEnd } from '../privacy/consultationRetentionEnd.ts';
import { openConsultationRow } from '../privacy/openConsultationRow.ts';
import { sealConsultationPersonalData } from '../privacy/sealConsultationPersonalData.ts';
import { presentConsultation } from './presentConsultation.ts';

/**
 * Opens a consultation for a call or chat. The guide version in force now is stored with it, so
 * the record always says which wording the agent read.
 */
export async function startConsultation(
  ctx: AppContext,
  agent: PublicUser,
  input: StartConsultationInput,
): Promise<Consultation> {
  const guide = ctx.guides.get(input.guideId);
  if (!guide) {
    throw new AppError('validation-failed', `가이드를 찾을 수 없습니다: ${input.guideId}`, [
      { where: '/guideId', message: '존재하지 않는 가이드' },
    ]);
  }
  let callerNumber: string | null = null;
  if (input.callerNumber?.trim()) {
    const phone = normalizeKoreanPhone(input.callerNumber);
    if (!phone.ok)
      throw new AppError('validation-failed', phone.message, [
        { where: '/callerNumber', message: phone.message },
      ]);
    callerNumber = phone.display;
  }
  const startedAt = ctx.now();
  const row = await consultationRepository.insert(ctx.database.db, {
    agentId: agent.id,
    channel: input.channel,
    ...sealConsultationPersonalData(ctx.fieldKeys, { callerNumber }),
    guideId: guide.id,
    guideVersion: guide.version,
    // Set now so a consultation abandoned before completion is still erased in time.
    retentionEndsAt: consultationRetentionEnd(ctx.env, { startedAt, completedAt: null }),
    startedAt,
    lastActivityAt: startedAt,
  });
  // The agent's own screen gets the number the phone system just gave it; nothing stored is read.
  return presentConsultation(openConsultationRow(ctx.fieldKeys, row), agent.name, { reveal: true });
}
