import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { can } from '../../policies.ts';
import { type LeadWithContext, leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/** Whether this user may read a lead filed by `filedBy`: everyone with lead:read-all, else only its filer. */
export function mayReadLead(user: Pick<PublicUser, 'id' | 'role'>, filedBy: string): boolean {
  return can(user.role, 'lead:read-all') || filedBy === user.id;
}

/**
 * The lead, if this user may read it: everyone with lead:read-all, else only the agent who filed it.
 * Anything else is a 404, so ids of other people's leads cannot be probed.
 */
export async function readableLead(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  db: Database = ctx.database.db,
): Promise<LeadWithContext> {
  const found = await leadRepository.findById(db, ctx.fieldCodec, id);
  if (!found || !mayReadLead(user, found.lead.filedBy)) {
    throw new AppError('not-found', msg('leads.notFound', { id }));
  }
  return found;
}
