import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { closureRepository } from '../../repositories/closureRepository.ts';

/** A company closure as the API shows it. */
export type ClosureView = { id: string; date: string; name: string; createdAt: string };

/**
 * Company closures and temporary holidays declared at short notice (DOMAIN-FACTS.md): listing,
 * adding and removing them. The calendar reads them on every decision, so a change applies at once.
 */
export const manageClosures = {
  list: async (ctx: AppContext): Promise<ClosureView[]> =>
    (await closureRepository.list(ctx.database.db)).map((row) => ({
      id: row.id,
      date: row.date,
      name: row.name,
      createdAt: row.createdAt.toISOString(),
    })),

  add: async (
    ctx: AppContext,
    actorId: string,
    input: { date: string; name: string },
  ): Promise<ClosureView> => {
    const row = await closureRepository.insert(ctx.database.db, { ...input, createdBy: actorId });
    if (!row)
      throw new AppError('conflict', `${input.date}에는 이미 휴무일이 등록되어 있습니다.`, [
        { where: '/date', message: '중복' },
      ]);
    await auditRepository.append(ctx.database.db, {
      actorId,
      action: 'closure.added',
      subject: `closure:${row.id}`,
      detail: input,
    });
    return { id: row.id, date: row.date, name: row.name, createdAt: row.createdAt.toISOString() };
  },

  remove: async (ctx: AppContext, actorId: string, id: string): Promise<void> => {
    if (!(await closureRepository.delete(ctx.database.db, id)))
      throw new AppError('not-found', `휴무일을 찾을 수 없습니다: ${id}`);
    await auditRepository.append(ctx.database.db, {
      actorId,
      action: 'closure.removed',
      subject: `closure:${id}`,
    });
  },
};
