import type { Database } from '../../db/openDatabase.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/**
 * Whether `user` may get a transfer's or lead's contact back in clear in the reply to their own
 * filing: only when they filed it and its details are theirs — typed by them, or taken from their
 * own consultation. Filing from another agent's consultation pre-fills the contact from that
 * record, and the filer then sees it masked like everyone else (clear values go through the
 * logged reveal). `consultationAgentId`, when the caller has just read or locked the consultation,
 * spares reading its owner again.
 */
export async function filerTypedContact(
  db: Database,
  user: PublicUser,
  filed: { filedBy: string; consultationId: string | null },
  consultationAgentId?: string,
): Promise<boolean> {
  if (filed.filedBy !== user.id) return false;
  if (filed.consultationId === null) return true;
  if (consultationAgentId !== undefined) return consultationAgentId === user.id;
  const found = await consultationRepository.findOwner(db, filed.consultationId);
  return found?.agentId === user.id;
}
