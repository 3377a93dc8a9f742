import { isClosedLeadStatus } from '../../../domain/lead/leadStatuses.ts';
import type { AppContext } from '../../appContext.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { type ClaimedJob, PermanentJobError } from '../../jobs/jobHandlers.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';

/**
 * Job handler at a callback's due time: tells the assignee of the lead's transfer (and every
 * screen that follows leads) that the call is due now, as a live event. Skipped when the callback
 * was already made, rescheduled or the lead closed since the reminder was scheduled.
 */
export async function remindLeadCallback(ctx: AppContext, job: ClaimedJob): Promise<void> {
  const { leadId, dueAt } = job.payload;
  if (typeof leadId !== 'string' || typeof dueAt !== 'string') {
    throw new PermanentJobError('lead.callback-reminder job without leadId/dueAt');
  }
  await ctx.database.db.transaction(async (tx) => {
    const found = await leadRepository.findById(tx, ctx.fieldCodec, leadId);
    if (!found) return;
    const { lead } = found;
    if (isClosedLeadStatus(lead.status) || lead.callbackDueAt?.toISOString() !== dueAt) return;
    await publishEvent(tx, {
      type: 'lead.callback-due',
      data: {
        leadId,
        transferId: lead.transferId,
        number: found.transferNumber,
        companyName: lead.companyName,
        dueAt,
        attempt: lead.callbackAttempts + 1,
        filedById: lead.filedBy,
        assigneeId: found.assigneeId,
      },
    });
  });
}
