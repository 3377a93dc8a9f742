import type { AddClosureInput } from '../../../contract/closures/addClosureSchema.ts';
import type { AddedClosure } from '../../../contract/closures/addedClosureSchema.ts';
import type { Closure } from '../../../contract/closures/closureSchema.ts';
import { checkNewClosureDay } from '../../../domain/calendar/checkNewClosureDay.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { closureRepository } from '../../repositories/closureRepository.ts';
import { forgetCalendarFacts, loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';

/**
 * Company closures and temporary holidays declared at short notice (DOMAIN-FACTS.md): listing,
 * adding and removing them. A change applies at once: this instance forgets its cached calendar
 * after the commit, others on the `closure.changed` event, which also refreshes consoles' badges.
 */
async function afterCommit<T>(ctx: AppContext, change: (tx: Database) => Promise<T>): Promise<T> {
  const result = await ctx.database.db.transaction(change);
  forgetCalendarFacts(ctx);
  return result;
}

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
   */
  add: async (ctx: AppContext, actorId: string, input: AddClosureInput): Promise<AddedClosure> => {
    const check = checkNewClosureDay(input.date, ctx.now(), await loadCalendarFacts(ctx));
    if (!check.ok) {
      const params = { date: input.date, today: check.today };
      throw new AppError('validation-failed', msg('common.closureInPast', params), [
        { where: '/date', message: msg('common.closureInPastDetail', { today: check.today }) },
      ]);
    }
    return afterCommit(ctx, async (tx) => {
      const row = await closureRepository.insert(tx, { ...input, createdBy: actorId });
      if (!row) {
        throw new AppError('conflict', msg('common.closureTaken', { date: input.date }), [
          { where: '/date', message: msg('common.duplicate') },
        ]);
      }
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId,
        action: 'closure.added',
        subject: `closure:${row.id}`,
        detail: input,
      });
      await publishEvent(tx, { type: 'closure.changed', data: { date: row.date } });
      return {
        id: row.id,
        date: row.date,
        name: row.name,
        createdAt: row.createdAt.toISOString(),
        alreadyClosed: check.alreadyClosed && {
          reason: check.alreadyClosed.reason,
          names: [...check.alreadyClosed.names],
        },
      };
    });
  },

  remove: (ctx: AppContext, actorId: string, id: string): Promise<void> =>
    afterCommit(ctx, async (tx) => {
      if (!(await closureRepository.delete(tx, id)))
        throw new AppError('not-found', msg('common.closureNotFound', { id }));
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId,
        action: 'closure.removed',
        subject: `closure:${id}`,
      });
      await publishEvent(tx, { type: 'closure.changed', data: { id } });
    }),
};
