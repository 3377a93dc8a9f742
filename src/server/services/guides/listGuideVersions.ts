import type { GuideVersion } from '../../../contract/guides/guideVersionSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { guideVersionRepository } from '../../repositories/guideVersionRepository.ts';

/**
 * The versions of a guide kept here, newest first: which one is loaded, and how many calls in
 * progress still run on each — an admin sees when an edit's predecessor has no calls left.
 */
export async function listGuideVersions(ctx: AppContext, guideId: string): Promise<GuideVersion[]> {
  const loaded = ctx.guides.get(guideId);
  const rows = await guideVersionRepository.list(ctx.database.db, guideId);
  if (!loaded && rows.length === 0) {
    throw new AppError('not-found', msg('common.guideNotFound', { id: guideId }), [
      { where: '/id', message: msg('common.notFound') },
    ]);
  }
  return rows.map((row) => ({
    version: row.version,
    loaded: loaded?.version === row.version,
    firstLoadedAt: row.firstLoadedAt.toISOString(),
    lastLoadedAt: row.lastLoadedAt.toISOString(),
    openConsultations: Number(row.openConsultations),
  }));
}
