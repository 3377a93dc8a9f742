import type { z } from 'zod';
import type { consultationListSchema } from '../../../contract/consultations/consultationListSchema.ts';
import type { ListConsultationsQuery } from '../../../contract/consultations/listConsultationsQuerySchema.ts';
import { seoulMidnight } from '../../../domain/calendar/seoulMidnight.ts';
import type { AppContext } from '../../appContext.ts';
import { can } from '../../policies.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { consultationListCursor } from './consultationListCursor.ts';
import { presentConsultation } from './presentConsultation.ts';

/**
 * A page of consultations, newest first: the caller's own, or everyone's for roles that read all;
 * started within `from`–`to` (Seoul dates) when given. Abandoned ones (idle past
 * IEUM_ABANDON_AFTER_MINUTES) only when asked for. `nextCursor` continues after the last one.
 */
export async function listConsultations(
  ctx: AppContext,
  user: PublicUser,
  options: ListConsultationsQuery,
): Promise<z.output<typeof consultationListSchema>> {
  const all = options.scope === 'all' && can(user.role, 'consultation:read-all');
  // One more than the page, to know whether another follows.
  const rows = await consultationRepository.listRecent(ctx.database.db, ctx.fieldCodec, {
    ...(all ? {} : { agentId: user.id }),
    includeAbandoned: options.includeAbandoned,
    limit: options.limit + 1,
    ...(options.cursor ? { before: consultationListCursor.decode(options.cursor) } : {}),
    ...(options.from ? { startedFrom: seoulMidnight(options.from) } : {}),
    ...(options.to ? { startedBefore: seoulMidnight(options.to, 1) } : {}),
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => presentConsultation(row.consultation, row.agentName)),
    nextCursor:
      rows.length > options.limit && last
        ? consultationListCursor.encode({
            startedAt: last.consultation.startedAt,
            id: last.consultation.id,
          })
        : null,
  };
}
