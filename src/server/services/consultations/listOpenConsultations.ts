import type { OpenConsultationList } from '../../../contract/consultations/openConsultationListSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { findCallerContact } from './findCallerContact.ts';
import { presentConsultation } from './presentConsultation.ts';
import { presentConsultationDraft } from './presentConsultationDraft.ts';

/** How many open consultations "이어서 진행" offers; an agent has one or two at a time. */
const OPEN_LIMIT = 20;

/**
 * The agent's own consultations still in progress, newest first, each with its draft: what the
 * console offers to resume ("이어서 진행") after a reload, on another tab or on another machine.
 * The caller number and the draft are in clear: they are the agent's own call and typing. Who the
 * directory says the caller is comes as the pop shows it: the company, the contact's name masked.
 */
export async function listOpenConsultations(
  ctx: AppContext,
  agent: PublicUser,
): Promise<OpenConsultationList> {
  const rows = await consultationRepository.listOpenByAgent(
    ctx.database.db,
    ctx.fieldCodec,
    agent.id,
    OPEN_LIMIT,
  );
  const items = [];
  for (const row of rows) {
    items.push({
      consultation: presentConsultation(row.consultation, row.agentName, { reveal: true }),
      draft: presentConsultationDraft(row.consultation),
      callerContact: await findCallerContact(ctx.database.db, ctx.fieldCodec, row.consultation.callerNumber),
    });
  }
  return { items };
}
