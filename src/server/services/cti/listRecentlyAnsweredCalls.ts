import type { RecentlyAnsweredCall } from '../../../contract/cti/recentlyAnsweredCallListSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { callRepository } from '../../repositories/callRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';

/**
 * How long after an answer its screen pop is still news. Later, the call's consultation waits in
 * the console's 진행 중인 상담 like any other; a pop would jump the agent into a call they may
 * have moved on from.
 */
const POP_CATCH_UP_MS = 60_000;
// An agent takes one call at a time: a handful is more than a late connection can have missed.
const MOST_POPS = 5;

/**
 * The calls answered at the agent's extension in the last minute whose consultation is still
 * open, newest first: what `call.answered` announced to streams that were not connected yet.
 */
export async function listRecentlyAnsweredCalls(
  ctx: AppContext,
  user: PublicUser,
): Promise<RecentlyAnsweredCall[]> {
  const since = new Date(ctx.now().getTime() - POP_CATCH_UP_MS);
  const rows = await callRepository.listAnsweredSince(ctx.database.db, user.id, since, MOST_POPS);
  return rows.map((row) => ({ callId: row.id, consultationId: row.consultationId, agentId: user.id }));
}
