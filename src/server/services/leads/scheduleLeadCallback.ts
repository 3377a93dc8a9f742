import { callbackDueAt } from '../../../domain/calendar/callbackDueAt.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { enqueueJob } from '../../jobs/enqueueJob.ts';
import { type ClaimedJob, PermanentJobError } from '../../jobs/jobHandlers.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import type { SentEmail } from '../email/emailSentHooks.ts';
import { enqueueCallbackReminder } from './enqueueCallbackReminder.ts';

/** Job kind that moves a lead on once its brochure was sent: status, callback due time, reminder. */
export const LEAD_BROCHURE_SENT_JOB = 'lead.brochure-sent';

/** Dedupe-key prefix of brochure e-mails in the outbox (see fileLead). */
export const LEAD_BROCHURE_EMAIL_PREFIX = 'lead-brochure:';

/**
 * E-mail-sent hook for brochure e-mails: enqueues LEAD_BROCHURE_SENT_JOB in the transaction that
 * marks the e-mail sent — a single insert, so the "sent" mark (and with it "never send twice") does
 * not depend on the lead's bookkeeping succeeding.
 */
export async function noteBrochureSent(_ctx: AppContext, tx: Database, email: SentEmail): Promise<void> {
  await enqueueJob(tx, {
    kind: LEAD_BROCHURE_SENT_JOB,
    payload: { outboxId: email.id, sentAt: email.sentAt.toISOString() },
    dedupeKey: `lead-brochure-sent:${email.id}`,
  });
}

/**
 * Job handler: the brochure went out, so the lead is 소개서 발송 and its callback (OB) is due
 * IEUM_CALLBACK_DELAY_MINUTES of business time after the sending — on the business calendar, so
 * weekends, holidays and closures do not count and the due time is always inside business hours.
 * Filing set a due time as if the mail had gone out then (fileLead); until the team has tried a
 * call, the real sending time replaces it, so a mail that went out late still leaves the customer
 * the delay to read it. The reminder is scheduled for that time. Running twice changes nothing.
 */
export async function scheduleLeadCallback(ctx: AppContext, job: ClaimedJob): Promise<void> {
  const { outboxId, sentAt } = job.payload;
  if (typeof outboxId !== 'string' || typeof sentAt !== 'string') {
    throw new PermanentJobError(`${LEAD_BROCHURE_SENT_JOB} job without outboxId/sentAt`);
  }
  const sent = new Date(sentAt);
  const facts = await loadCalendarFacts(ctx);
  await ctx.database.db.transaction(async (tx) => {
    const lead = await leadRepository.lockByBrochureEmail(tx, outboxId);
    if (!lead || lead.brochureSentAt !== null) return;
    // The team may already have called (or closed) the lead before the mail got out: keep its state
    // and the retry time an unanswered call chose.
    const waiting = lead.status === 'new';
    const dueAt =
      waiting && lead.callbackAttempts === 0
        ? callbackDueAt(sent, ctx.env.IEUM_CALLBACK_DELAY_MINUTES, facts)
        : null;
    await leadRepository.update(tx, lead.id, {
      brochureSentAt: sent,
      ...(waiting ? { status: 'brochure-sent' as const } : {}),
      ...(dueAt ? { callbackDueAt: dueAt } : {}),
      updatedAt: ctx.now(),
    });
    if (dueAt) await enqueueCallbackReminder(tx, { id: lead.id, attempt: lead.callbackAttempts + 1, dueAt });
    const transfer = await transferRepository.findById(tx, ctx.fieldCodec, lead.transferId);
    await publishEvent(tx, {
      type: 'lead.updated',
      data: {
        leadId: lead.id,
        transferId: lead.transferId,
        status: waiting ? 'brochure-sent' : lead.status,
        change: { action: 'brochure-sent', callbackDueAt: dueAt?.toISOString() ?? null },
        filedById: lead.filedBy,
        assigneeId: transfer?.transfer.assigneeId ?? null,
      },
    });
  });
}
