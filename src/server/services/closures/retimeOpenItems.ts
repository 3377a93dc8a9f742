import type { RetimedItems } from '../../../contract/closures/retimedItemsSchema.ts';
import type { CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import { callbackDueAt } from '../../../domain/calendar/callbackDueAt.ts';
import { decideBusinessHours } from '../../../domain/calendar/decideBusinessHours.ts';
import { type DueRule, retimeDueAt } from '../../../domain/calendar/retimeDueAt.ts';
import { seoulMidnight } from '../../../domain/calendar/seoulMidnight.ts';
import { computeTransferDueAt, type TransferSlaRule } from '../../../domain/transfer/computeTransferDueAt.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { TransferEventDetail } from '../../db/transferSchema.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { type OpenTransferTimes, openDueTimesRepository } from '../../repositories/openDueTimesRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import { transferSettingsRepository } from '../../repositories/transferSettingsRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { enqueueCallbackReminder } from '../leads/enqueueCallbackReminder.ts';
import { announceTransferChange, transferLiveEvent } from '../transfers/announceTransferChange.ts';
import type { PresentContext } from '../transfers/presentTransfer.ts';
import { slaRuleOf } from '../transfers/slaRuleOf.ts';

/** A company closure added or removed: the change of the business calendar that re-times open work. */
export type ClosureCalendarChange = NonNullable<TransferEventDetail['closure']>;

/** What re-timing works with, read before the transaction (PGlite runs one at a time). */
export type RetimeContext = {
  ctx: AppContext;
  /** The transfers' presentation and announcement context; its `facts` are replaced by `after`. */
  present: PresentContext & { publicUrl: string };
  actor: PublicUser;
  /** The business calendar (the default guide's hours: the business team's day) before and after. */
  before: CalendarFacts;
  after: CalendarFacts;
};

const moved = (from: Date, to: Date) => from.getTime() !== to.getTime();

/**
 * Re-times, in the caller's transaction (the one adding or removing the closure), every open item
 * whose due time runs on the business calendar and lies on or after the closure's day, so it is
 * what it would have been had the calendar been this way when it was set (retimeDueAt):
 * - transfers not contacted or closed: `due_at`. A transfer does not record the SLA rule it was
 *   filed under — transfer_type_settings holds its type's current rule, and an admin's change
 *   applies to transfers filed after it. The current rule is taken as the transfer's when it gives
 *   back the stored due time on the calendar before the change (then it is the rule it was filed
 *   under, recomputed from the filing instant); otherwise the rule is unknown and the due time is
 *   only moved off a day now closed, to the same time on the next business day. A transfer once
 *   contacted keeps its due time (its SLA was met: history), whatever its status now;
 * - 연락불가 transfers: `retry_at`, the default (IEUM_CALLBACK_RETRY_MINUTES of business time from
 *   the move, as changeTransferStatus sets it) recomputed, a time a person chose moved off a closed day;
 * - leads not won or lost: `callback_due_at` (IEUM_CALLBACK_DELAY_MINUTES from the brochure's sending,
 *   or its filing while unsent; after a 부재중, IEUM_CALLBACK_RETRY_MINUTES from that attempt), with
 *   a reminder at the new time (the old one finds its time gone and stays silent);
 * - missed calls' open callbacks: the next opening after the hang-up.
 * Each moved transfer gets a history entry ('due-changed': from, to, the closure) and its
 * `transfer.updated` event and webhooks (nobody is e-mailed); a moved lead its `lead.updated`.
 * Missed calls have no history nor event of their own: their screens refetch on `closure.changed`.
 * Bounded by the open work due from that day on (tens to hundreds of rows): the transfers are written
 * a few statements for the lot (a closure moving 300 took about 0.5 s on PGlite, 0.25 s on
 * PostgreSQL); leads and calls one statement each.
 */
export async function retimeOpenItems(
  tx: Database,
  context: RetimeContext,
  closure: ClosureCalendarChange,
): Promise<RetimedItems> {
  const { ctx, before, after, actor } = context;
  const now = context.present.now;
  const from = seoulMidnight(closure.date);
  const counts: RetimedItems = { transfers: 0, retries: 0, leadCallbacks: 0, missedCallbacks: 0 };
  const retryMinutes = ctx.env.IEUM_CALLBACK_RETRY_MINUTES;

  const open = await openDueTimesRepository.lockOpenTransfersFrom(tx, from);
  if (open.length > 0) {
    const rules = new Map<string, TransferSlaRule>(
      (await transferSettingsRepository.listTypeSettings(tx)).map((row) => [
        `${row.guideId}:${row.inquiryType}`,
        slaRuleOf(row),
      ]),
    );
    const unreachable = open.filter((row) => row.status === 'unreachable').map((row) => row.id);
    const retriesSetAt = await openDueTimesRepository.lastStatusChanges(tx, unreachable);
    // Announced with the calendar as it now is (the SLA minutes a webhook carries).
    const present = { ...context.present, facts: after };
    const changes: Array<{
      row: OpenTransferTimes;
      dueAt: Date;
      retryAt: Date | null;
      detail: TransferEventDetail;
    }> = [];
    for (const row of open) {
      const rule = rules.get(`${row.guideId}:${row.inquiryType}`) ?? slaRuleOf(undefined);
      const dueRule: DueRule = (facts) => computeTransferDueAt(row.createdAt, rule, facts);
      const dueAt = row.slaRunning ? retimeDueAt(row.dueAt, dueRule, before, after) : row.dueAt;
      const setAt = retriesSetAt.get(row.id);
      const retryRule: DueRule | null = setAt ? (facts) => callbackDueAt(setAt, retryMinutes, facts) : null;
      const retryAt =
        row.status === 'unreachable' && row.retryAt
          ? retimeDueAt(row.retryAt, retryRule, before, after)
          : null;
      const dueMoved = moved(row.dueAt, dueAt);
      const retryMoved = row.retryAt !== null && retryAt !== null && moved(row.retryAt, retryAt);
      if (!dueMoved && !retryMoved) continue;
      const detail: TransferEventDetail = {
        ...(dueMoved ? { fromDueAt: row.dueAt.toISOString(), toDueAt: dueAt.toISOString() } : {}),
        ...(retryMoved && row.retryAt && retryAt
          ? { fromRetryAt: row.retryAt.toISOString(), toRetryAt: retryAt.toISOString() }
          : {}),
        closure,
      };
      changes.push({ row, dueAt, retryAt: retryMoved ? retryAt : null, detail });
      if (dueMoved) counts.transfers += 1;
      if (retryMoved) counts.retries += 1;
    }
    const historyIds = await openDueTimesRepository.retimeTransfers(
      tx,
      ctx.fieldCodec,
      changes.map(({ row, dueAt, retryAt, detail }) => ({ id: row.id, dueAt, retryAt, detail })),
      actor.id,
      now,
    );
    for (const { row, detail } of changes) {
      const change = { action: 'due-changed', ...detail };
      // Without webhook subscriptions the live event is all there is to announce, and the row
      // locked above has its fields; with some, each payload carries the transfer as presented.
      if (present.webhooks.length === 0) {
        await publishEvent(
          tx,
          transferLiveEvent({ type: 'transfer.updated', actor, change, notify: [], transfer: row }),
        );
        continue;
      }
      const item = await transferRepository.findById(tx, ctx.fieldCodec, row.id);
      if (!item) throw new Error(`transfer ${row.id} vanished`);
      await announceTransferChange(tx, present, {
        type: 'transfer.updated',
        item,
        actor,
        historyId: historyIds.get(row.id) ?? 0,
        change,
        notify: [],
      });
    }
  }

  const leads = await openDueTimesRepository.lockPendingLeadCallbacksFrom(tx, from);
  const attemptedAt = await openDueTimesRepository.lastCallbackAttempts(
    tx,
    leads.filter((lead) => lead.callbackAttempts > 0).map((lead) => lead.id),
  );
  for (const lead of leads) {
    const lastAttempt = attemptedAt.get(lead.id);
    const rule: DueRule | null =
      lead.callbackAttempts === 0
        ? (facts) =>
            callbackDueAt(lead.brochureSentAt ?? lead.createdAt, ctx.env.IEUM_CALLBACK_DELAY_MINUTES, facts)
        : lastAttempt
          ? (facts) => callbackDueAt(lastAttempt, retryMinutes, facts)
          : null;
    const dueAt = retimeDueAt(lead.callbackDueAt, rule, before, after);
    if (!moved(lead.callbackDueAt, dueAt)) continue;
    await openDueTimesRepository.setLeadCallbackDue(tx, lead.id, dueAt, now);
    await enqueueCallbackReminder(tx, { id: lead.id, attempt: lead.callbackAttempts + 1, dueAt });
    await publishEvent(tx, {
      type: 'lead.updated',
      data: {
        leadId: lead.id,
        transferId: lead.transferId,
        status: lead.status,
        change: {
          action: 'callback-due-changed',
          fromCallbackDueAt: lead.callbackDueAt.toISOString(),
          callbackDueAt: dueAt.toISOString(),
          closure,
        },
        actorId: actor.id,
        filedById: lead.filedBy,
        assigneeId: lead.assigneeId,
      },
    });
    counts.leadCallbacks += 1;
  }

  for (const call of await openDueTimesRepository.lockOpenMissedCallbacksFrom(tx, from)) {
    const endedAt = call.endedAt;
    const rule: DueRule | null = endedAt ? (facts) => decideBusinessHours(endedAt, facts).nextOpenAt : null;
    const dueAt = retimeDueAt(call.callbackDueAt, rule, before, after);
    if (!moved(call.callbackDueAt, dueAt)) continue;
    await openDueTimesRepository.setMissedCallbackDue(tx, call.id, dueAt);
    counts.missedCallbacks += 1;
  }
  return counts;
}
