import type { ConsultationDraft } from '../../../contract/consultations/consultationDraftSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentConsultationDraft } from './presentConsultationDraft.ts';

/** The saved draft of the agent's own consultation, to resume it (revision 0 and no draft when none was saved). */
export async function getConsultationDraft(
  ctx: AppContext,
  agent: PublicUser,
  id: string,
): Promise<ConsultationDraft> {
  const found = await consultationRepository.findById(ctx.database.db, ctx.fieldCodec, id);
  if (!found || found.consultation.agentId !== agent.id) {
    throw new AppError('not-found', msg('common.consultationNotFound', { id }));
  }
  return presentConsultationDraft(found.consultation);
}
