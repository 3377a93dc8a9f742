import { addRetentionYears } from '../../../domain/privacy/addRetentionYears.ts';
import type { AppContext } from '../../appContext.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { HANDOFF_LISTED_MS } from '../kakao/handoffListedMs.ts';
import { type TypeChosenInDraft, typeChosenInDraft } from './typeChosenInDraft.ts';

/** Live event of a consultation given up for idleness; its own agent's tabs drop "이어서 진행". */
export const CONSULTATION_ABANDONED_EVENT = 'consultation.abandoned';

const BATCH = 500;

/**
 * Marks every open consultation idle (no start or draft write) for longer than
 * IEUM_ABANDON_AFTER_MINUTES as abandoned — but not a KakaoTalk chat handed to agents and not
 * picked up, until it leaves the console's list of hand-offs (HANDOFF_LISTED_MS). Abandoned, it is
 * kept for reports with its times and the type its draft had chosen (typeChosenInDraft — the row
 * has no type until a save writes one), hidden from 최근 상담, no longer resumable or finishable. Its personal data (caller number, draft) is
 * erased by the retention purge on the schedule of a completed consultation: the retention period
 * counts from the abandonment as it would from a completion. Batches run in their own
 * transactions, each with its events; safe on several instances (a row is abandoned once).
 */
export async function abandonIdleConsultations(ctx: AppContext): Promise<number> {
  const now = ctx.now();
  const idleSince = new Date(now.getTime() - ctx.env.IEUM_ABANDON_AFTER_MINUTES * 60_000);
  // A chat handed to agents waits for one as long as the console lists it (QA-11 H1: abandoned
  // after two hours in business hours, it left the list while its customer was told to wait).
  const handoffWaitingSince = new Date(now.getTime() - HANDOFF_LISTED_MS);
  const retentionEndsAt =
    ctx.env.IEUM_RETENTION_START === 'completion'
      ? addRetentionYears(now, ctx.env.IEUM_RETENTION_DEFAULT_YEARS)
      : undefined;
  let total = 0;
  for (;;) {
    const abandoned = await ctx.database.db.transaction(async (tx) => {
      const idle = await consultationRepository.lockIdle(tx, ctx.fieldCodec, {
        idleSince,
        handoffWaitingSince,
        limit: BATCH,
      });
      // One UPDATE per distinct type kept (most idle calls chose none, or the same few), not per row.
      const byKept = new Map<string, { kept: TypeChosenInDraft; ids: string[] }>();
      for (const row of idle) {
        const kept = await typeChosenInDraft(ctx, tx, row);
        const key = JSON.stringify(kept);
        const group = byKept.get(key) ?? { kept, ids: [] };
        group.ids.push(row.id);
        byKept.set(key, group);
      }
      for (const { kept, ids } of byKept.values()) {
        const rows = await consultationRepository.abandon(tx, ids, { at: now, retentionEndsAt, kept });
        for (const row of rows) {
          await publishEvent(tx, {
            type: CONSULTATION_ABANDONED_EVENT,
            data: { consultationId: row.id, agentId: row.agentId },
          });
        }
      }
      return idle.length;
    });
    total += abandoned;
    if (abandoned < BATCH) break;
  }
  if (total > 0) ctx.logger.info({ abandoned: total }, 'idle consultations abandoned');
  return total;
}
