import type { Consultation } from '../../../contract/consultations/consultationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { can } from '../../policies.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentConsultation } from './presentConsultation.ts';

/** One consultation, masked; visible to its agent and to roles that read all. */
export async function getConsultation(ctx: AppContext, user: PublicUser, id: string): Promise<Consultation> {
  const found = await consultationRepository.findById(ctx.database.db, ctx.fieldCodec, id);
  if (!found || (found.consultation.agentId !== user.id && !can(user.role, 'consultation:read-all'))) {
    throw new AppError('not-found', msg('common.consultationNotFound', { id }));
  }
  return presentConsultation(found.consultation, found.agentName);
}
