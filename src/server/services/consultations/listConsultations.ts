import type { Consultation } from '../../../contract/consultations/consultationSchema.ts';
import type { ListConsultationsQuery } from '../../../contract/consultations/listConsultationsQuerySchema.ts';
import type { AppContext } from '../../appContext.ts';
import { can } from '../../policies.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { presentConsultation } from './presentConsultation.ts';

/**
 * Recent consultations, newest first: the caller's own, or everyone's for roles that read all.
 * Abandoned ones (idle past IEUM_ABANDON_AFTER_MINUTES) only when asked for.
 */
export async function listConsultations(
  ctx: AppContext,
  user: PublicUser,
  options: ListConsultationsQuery,
): Promise<Consultation[]> {
  const all = options.scope === 'all' && can(user.role, 'consultation:read-all');
  const rows = await consultationRepository.listRecent(ctx.database.db, ctx.fieldCodec, {
    ...(all ? {} : { agentId: user.id }),
    includeAbandoned: options.includeAbandoned,
    limit: options.limit,
  });
  return rows.map((row) => presentConsultation(row.consultation, row.agentName));
}
