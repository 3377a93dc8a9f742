import type { AddClosureInput } from '../../../contract/closures/addClosureSchema.ts';
import type { AddedClosure } from '../../../contract/closures/addedClosureSchema.ts';
import type { Closure } from '../../../contract/closures/closureSchema.ts';
import type { RetimedItems } from '../../../contract/closures/retimedItemsSchema.ts';
import type { CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import { checkNewClosureDay } from '../../../domain/calendar/checkNewClosureDay.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { type ClosureRow, closureRepository } from '../../repositories/closureRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { forgetCalendarFacts, loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { loadPresentContext } from '../transfers/loadPresentContext.ts';
import { publicUrlOf } from '../transfers/publicUrlOf.ts';
import { type ClosureCalendarChange, retimeOpenItems } from './retimeOpenItems.ts';

/**
 * Company closures and temporary holidays declared at short notice (DOMAIN-FACTS.md): listing,
 * adding and removing them. A change applies at once: the open work due from its day on is re-timed
 * in its transaction (retimeOpenItems); this instance forgets its cached calendar after the commit,
 * others on the `closure.changed` event, which also refreshes consoles' badges.
 */
async function afterCommit<T>(ctx: AppContext, change: (tx: Database) => Promise<T>): Promise<T> {
  const result = await ctx.database.db.transaction(change);
  forgetCalendarFacts(ctx);
  return result;
}

/** What re-timing needs that is read before the transaction (PGlite runs one at a time). */
async function prepareRetiming(ctx: AppContext) {
  return { facts: await loadCalendarFacts(ctx), present: await loadPresentContext(ctx) };
}

/**
 * Re-times the open work for a closure added or removed, with the calendar before and after read
 * in the change's transaction (the closures as stored, whatever this instance had cached).
 */
async function retime(
  ctx: AppContext,
  tx: Database,
  prepared: Awaited<ReturnType<typeof prepareRetiming>>,
  actor: PublicUser,
  row: ClosureRow,
  change: ClosureCalendarChange['change'],
): Promise<RetimedItems> {
  const stored = (await closureRepository.list(tx)).map((closure) => ({
    date: closure.date,
    name: closure.name,
  }));
  // One closure a day (closures_date_key): the calendar without it has no closure that day.
  const without = stored.filter((closure) => closure.date !== row.date);
  const withIt = [...without, { date: row.date, name: row.name }];
  const calendar = (closures: CalendarFacts['closures']): CalendarFacts => ({ ...prepared.facts, closures });
  return retimeOpenItems(
    tx,
    {
      ctx,
      present: { ...prepared.present, publicUrl: publicUrlOf(ctx) },
      actor,
      before: calendar(change === 'added' ? without : withIt),
      after: calendar(change === 'added' ? withIt : without),
    },
    { change, date: row.date, name: row.name },
  );
}

const nothingRetimed: RetimedItems = { transfers: 0, retries: 0, leadCallbacks: 0, missedCallbacks: 0 };

export const manageClosures = {
  list: async (ctx: AppContext): Promise<Closure[]> =>
    (await closureRepository.list(ctx.database.db)).map((row) => ({
      id: row.id,
      date: row.date,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
    })),

  /**
   * Adds a closure from today on (a past day is refused: what was computed over it would change);
   * a day the calendar keeps closed anyway (weekend, public holiday) is added and reported as such.
   * The open work due from that day on is re-timed past it in the same transaction.
   */
  add: async (ctx: AppContext, actor: PublicUser, input: AddClosureInput): Promise<AddedClosure> => {
    const check = checkNewClosureDay(input.date, ctx.now(), await loadCalendarFacts(ctx));
    if (!check.ok) {
      const params = { date: input.date, today: check.today };
      throw new AppError('validation-failed', msg('common.closureInPast', params), [
        { where: '/date', message: msg('common.closureInPastDetail', { today: check.today }) },
      ]);
    }
    const prepared = await prepareRetiming(ctx);
    return afterCommit(ctx, async (tx) => {
      const row = await closureRepository.insert(tx, { ...input, createdBy: actor.id });
      if (!row) {
        throw new AppError('conflict', msg('common.closureTaken', { date: input.date }), [
          { where: '/date', message: msg('common.duplicate') },
        ]);
      }
      const retimed = await retime(ctx, tx, prepared, actor, row, 'added');
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId: actor.id,
        action: 'closure.added',
        subject: `closure:${row.id}`,
        detail: { ...input, retimed },
      });
      await publishEvent(tx, { type: 'closure.changed', data: { date: row.date, retimed } });
      return {
        id: row.id,
        date: row.date,
        name: row.name,
        createdAt: row.createdAt.toISOString(),
        alreadyClosed: check.alreadyClosed && {
          reason: check.alreadyClosed.reason,
          names: [...check.alreadyClosed.names],
        },
        retimed,
      };
    });
  },

  /**
   * Removes a closure. One from today on gives its day back: the open work it had moved (and any
   * due on or after it) is re-timed in the same transaction. A past one only leaves the list: what
   * was due over it stays as it was (that day was closed when it came).
   */
  remove: async (ctx: AppContext, actor: PublicUser, id: string): Promise<void> => {
    const prepared = await prepareRetiming(ctx);
    const today = formatSeoulIso(ctx.now()).slice(0, 10);
    await afterCommit(ctx, async (tx) => {
      const row = await closureRepository.delete(tx, id);
      if (!row) throw new AppError('not-found', msg('common.closureNotFound', { id }));
      const retimed =
        row.date >= today ? await retime(ctx, tx, prepared, actor, row, 'removed') : nothingRetimed;
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId: actor.id,
        action: 'closure.removed',
        subject: `closure:${id}`,
        detail: { date: row.date, name: row.name, retimed },
      });
      await publishEvent(tx, { type: 'closure.changed', data: { id, date: row.date, retimed } });
    });
  },
};
