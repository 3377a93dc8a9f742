import type { Database } from '../../db/openDatabase.ts';
import { enqueueJob } from '../../jobs/enqueueJob.ts';

/** Job kind that reminds the business team that a lead's callback is due. */
export const LEAD_CALLBACK_REMINDER_JOB = 'lead.callback-reminder';

/**
 * Schedules the reminder for a lead's callback at its due time, in the caller's transaction. One
 * job per attempt (de-duplicated), and the reminder checks the due time is still current when it
 * runs, so a rescheduled callback never reminds twice or at the old time.
 */
export async function enqueueCallbackReminder(
  tx: Database,
  lead: { id: string; attempt: number; dueAt: Date },
): Promise<void> {
  await enqueueJob(tx, {
    kind: LEAD_CALLBACK_REMINDER_JOB,
    payload: { leadId: lead.id, dueAt: lead.dueAt.toISOString() },
    runAt: lead.dueAt,
    dedupeKey: `lead-callback:${lead.id}:${lead.attempt}:${lead.dueAt.toISOString()}`,
    maxAttempts: 5,
  });
}
