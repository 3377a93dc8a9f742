import type { ChangeTransferStatusInput } from '../../../contract/transfers/changeTransferStatusSchema.ts';
import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
import { callbackDueAt } from '../../../domain/calendar/callbackDueAt.ts';
import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { isClosedLeadStatus } from '../../../domain/lead/leadStatuses.ts';
import { decideTransferTransition } from '../../../domain/transfer/decideTransferTransition.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { applyTransferStatusChange } from './applyTransferStatusChange.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { presentTransfer } from './presentTransfer.ts';
import { publicUrlOf } from './publicUrlOf.ts';
import { wordTransferRefusal } from './wordTransferRefusal.ts';

/**
 * The retry time of a move to 연락불가. The team can only call back during business hours: an
 * omitted time defaults to IEUM_CALLBACK_RETRY_MINUTES counted in business time, and a given one
 * falling outside them moves to the next opening. Other moves keep what was sent (the domain
 * refuses a retry time there).
 */
async function retryTimeFor(
  ctx: AppContext,
  input: ChangeTransferStatusInput,
  now: Date,
): Promise<Date | undefined> {
  const given = input.retryAt === undefined ? undefined : new Date(input.retryAt);
  if (input.status !== 'unreachable') return given;
  const facts = await loadCalendarFacts(ctx);
  if (given === undefined) return callbackDueAt(now, ctx.env.IEUM_CALLBACK_RETRY_MINUTES, facts);
  return decideBusinessHours(given, facts).nextOpenAt;
}

/**
 * Moves a transfer through the workflow (접수 → 처리중 → 연락완료 → 종결, 연락불가 with a retry time)
 * under a row lock, so two handlers' clicks apply one after the other and the second sees the
 * first's result. Starting work on an unassigned transfer makes the handler its assignee. A sign-up
 * lead's transfer is not closed here while its lead is open: the lead's final outcome closes it
 * (recordCallbackOutcome), so the two cannot part. Every
 * change is kept in the history with who and when, and announced live, by webhook and to the assignee.
 */
export async function changeTransferStatus(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: ChangeTransferStatusInput,
  /** The caller's language, for the server's own words in the answer (status label). */
  locale?: Locale,
): Promise<Transfer> {
  const context = await loadPresentContext(ctx, locale);
  const now = context.now;
  const retryAt = await retryTimeFor(ctx, input, now);
  return ctx.database.db.transaction(async (tx) => {
    const row = await transferRepository.lockById(tx, ctx.fieldCodec, id);
    if (!row) throw new AppError('not-found', msg('transfers.notFound', { id }));
    if (input.expectedStatus !== undefined && row.status !== input.expectedStatus) {
      throw new AppError('conflict', msg('transfers.statusChangedMeanwhile', { status: row.status }), [
        { where: '/expectedStatus', message: msg('transfers.currentStatus', { status: row.status }) },
      ]);
    }
    // A sign-up lead's transfer is closed by the lead's final outcome, not on its own (QA M3).
    const leadStatus = await leadRepository.findStatusByTransfer(tx, id);
    const leadOpen = leadStatus !== undefined && !isClosedLeadStatus(leadStatus);
    const decision = decideTransferTransition({
      from: row.status,
      to: input.status,
      retryAt,
      now,
      leadOpen,
    });
    if (!decision.ok) {
      const code = decision.where === 'to' ? 'conflict' : 'validation-failed';
      const message = wordTransferRefusal(decision, { from: row.status, to: input.status, leadOpen });
      throw new AppError(code, message, [
        { where: decision.where === 'to' ? '/status' : '/retryAt', message },
      ]);
    }
    const item = await applyTransferStatusChange(tx, { ...context, publicUrl: publicUrlOf(ctx) }, user, row, {
      status: decision.status,
      retryAt: decision.retryAt,
      note: input.note,
    });
    return presentTransfer(item, context);
  });
}
