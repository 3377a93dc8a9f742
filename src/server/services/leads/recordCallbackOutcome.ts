import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { CallbackOutcomeInput } from '../../../contract/leads/recordCallbackOutcomeSchema.ts';
import {
  type CallbackOutcomeDecision,
  decideCallbackOutcome,
} from '../../../domain/lead/decideCallbackOutcome.ts';
import { isClosedLeadStatus } from '../../../domain/lead/leadStatuses.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import type { Locale } from '../../i18n/locale.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';
import { emailOutboxRepository } from '../../repositories/emailOutboxRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadPresentContext } from '../transfers/loadPresentContext.ts';
import { publicUrlOf } from '../transfers/publicUrlOf.ts';
import { enqueueCallbackReminder } from './enqueueCallbackReminder.ts';
import { moveTransferWithLeadOutcome } from './moveTransferWithLeadOutcome.ts';
import { presentLead } from './presentLead.ts';

/** Why an outcome was refused, worded by the catalogue in the caller's language. */
const refusalMessages = {
  'lead-closed': msg('leads.alreadyFinished'),
  'retry-in-past': msg('leads.retryInPast'),
  'retry-not-expected': msg('leads.retryNotExpected'),
} as const satisfies Record<Extract<CallbackOutcomeDecision, { ok: false }>['reason'], LocalisedText>;

/**
 * Records a callback (OB) attempt under a row lock: the attempt joins the history with who and when,
 * the lead moves (통화 완료 → called, 가입 → won, 관심 없음 / 잘못된 번호 → lost, 부재중 → next
 * attempt scheduled in business hours with its reminder), and the change is announced live. The
 * lead's transfer follows in the same transaction, by the same person, through the transfer
 * workflow (moveTransferWithLeadOutcome): the customer reached marks it 연락완료, an outcome that
 * finishes the lead (won or lost) closes it — both or neither.
 */
export async function recordCallbackOutcome(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: CallbackOutcomeInput,
  /** The caller's language, for the server's own words in the answer (status labels). */
  locale: Locale = 'ko',
): Promise<Lead> {
  // Read before the transaction (PGlite runs one at a time): the calendar, and what closing the
  // lead's transfer announces with (webhook subscriptions, labels).
  const context = await loadPresentContext(ctx);
  const { now, facts } = context;
  return ctx.database.db.transaction(async (tx) => {
    const lead = await leadRepository.lockById(tx, id);
    if (!lead) throw new AppError('not-found', msg('leads.notFound', { id }));
    if (input.expectedStatus !== undefined && lead.status !== input.expectedStatus) {
      throw new AppError('conflict', msg('leads.outcomeChangedMeanwhile', { status: lead.status }), [
        { where: '/expectedStatus', message: msg('leads.currentStatus', { status: lead.status }) },
      ]);
    }
    // 부재중 leaves the status as it was, so two people recording the same call pass the status
    // guard; the attempt count they saw tells them apart (QA M6). Checked under the lead's lock.
    if (input.expectedAttempts !== undefined && lead.callbackAttempts !== input.expectedAttempts) {
      const count = lead.callbackAttempts;
      const message =
        count > 0 && lead.lastOutcome !== null
          ? msg('leads.attemptRecordedMeanwhile', { attempt: count, outcome: lead.lastOutcome })
          : msg('leads.attemptsChangedMeanwhile', { count });
      throw new AppError('conflict', message, [
        { where: '/expectedAttempts', message: msg('leads.currentAttempts', { count }) },
      ]);
    }
    const decision = decideCallbackOutcome({
      status: lead.status,
      outcome: input.outcome,
      retryAt: input.retryAt === undefined ? undefined : new Date(input.retryAt),
      now,
      retryDelayMinutes: ctx.env.IEUM_CALLBACK_RETRY_MINUTES,
      facts,
    });
    if (!decision.ok) {
      // From the catalogue, not the domain's Korean sentence: an English caller learns the same
      // reason, and errors[].message is that sentence rather than the reason code.
      const message = refusalMessages[decision.reason];
      throw new AppError(decision.where === 'outcome' ? 'conflict' : 'validation-failed', message, [
        { where: `/${decision.where}`, message },
      ]);
    }
    const attempt = lead.callbackAttempts + 1;
    const finished = isClosedLeadStatus(decision.status);
    await leadRepository.appendCallback(tx, ctx.fieldCodec, {
      leadId: id,
      attempt,
      outcome: input.outcome,
      dueAt: lead.callbackDueAt,
      retryAt: decision.callbackDueAt,
      note: input.note,
      actorId: user.id,
      at: now,
    });
    await leadRepository.update(tx, id, {
      status: decision.status,
      callbackDueAt: decision.callbackDueAt,
      callbackAttempts: attempt,
      firstCalledAt: lead.firstCalledAt ?? now,
      lastOutcome: input.outcome,
      ...(finished ? { closedAt: now } : {}),
      updatedAt: now,
    });
    if (decision.callbackDueAt) {
      await enqueueCallbackReminder(tx, { id, attempt: attempt + 1, dueAt: decision.callbackDueAt });
    }
    // A brochure still waiting for SMTP is no longer news to a customer who signed up or declined:
    // it would tell them the team will call about joining. Withdrawn (the lead then shows none).
    if (finished && lead.brochureEmailId) {
      await emailOutboxRepository.withdrawQueued(tx, lead.brochureEmailId, now);
    }
    await moveTransferWithLeadOutcome(tx, { ...context, publicUrl: publicUrlOf(ctx) }, user, {
      transferId: lead.transferId,
      outcome: input.outcome,
    });
    const found = await leadRepository.findById(tx, ctx.fieldCodec, id);
    if (!found) throw new Error(`lead ${id} vanished`);
    await publishEvent(tx, {
      type: 'lead.updated',
      data: {
        leadId: id,
        transferId: lead.transferId,
        status: decision.status,
        change: {
          action: 'callback',
          outcome: input.outcome,
          callbackDueAt: decision.callbackDueAt?.toISOString() ?? null,
        },
        actorId: user.id,
        filedById: lead.filedBy,
        assigneeId: found.assigneeId,
      },
    });
    const callbacks = await leadRepository.listCallbacks(tx, ctx.fieldCodec, id);
    return presentLead(found, { now, facts, locale }, { callbacks });
  });
}
