import type { AppContext } from '../../appContext.ts';
import { enqueueSlotJob } from '../../jobs/enqueueSlotJob.ts';
import type { JobHandler } from '../../jobs/jobHandlers.ts';
import { KAKAO_IDLE_EXPIRY_MS } from './answerKakaoSkill.ts';
import { eraseKakaoConversationData } from './eraseKakaoConversationData.ts';

/** Job kind of the sweep that expires idle KakaoTalk conversations. */
export const KAKAO_EXPIRE_JOB = 'kakao.expire-idle';

const SWEEP_MS = 10 * 60_000;

/**
 * Ends conversations idle for a day (their personal columns erased: nothing was filed from them)
 * and erases the personal columns of ended ones whose retention is over, each destruction in the
 * destruction log. Returns how many rows changed.
 */
export async function expireKakaoConversations(
  ctx: AppContext,
): Promise<{ expired: number; erased: number }> {
  const now = ctx.now();
  const done = await eraseKakaoConversationData(
    ctx.database.db,
    now,
    new Date(now.getTime() - KAKAO_IDLE_EXPIRY_MS),
  );
  const expired = done.expired.length;
  const erased = done.erased.length;
  if (expired + erased > 0) ctx.logger.info({ expired, erased }, 'kakao: conversations expired or erased');
  return { expired, erased };
}

/** Books the sweep for the 10-minute slot containing `at` (one job per slot across instances). */
export async function scheduleKakaoExpiry(ctx: AppContext, at: Date = ctx.now()): Promise<void> {
  await enqueueSlotJob(ctx.database.db, KAKAO_EXPIRE_JOB, SWEEP_MS, at);
}

/** The job: books the next slot first, then sweeps. */
export const runKakaoExpiryJob: JobHandler = async (ctx) => {
  await scheduleKakaoExpiry(ctx, new Date(ctx.now().getTime() + SWEEP_MS));
  await expireKakaoConversations(ctx);
};
