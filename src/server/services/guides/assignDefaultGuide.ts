import type { Logger } from 'pino';
import type { OpenDatabase } from '../../db/openDatabase.ts';
import { guideAssignmentRepository } from '../../repositories/guideAssignmentRepository.ts';
import type { GuideCatalog } from './loadGuideCatalog.ts';

/**
 * Gives transfers, leads and transfer settings written before guide ids were recorded (and not
 * traceable to a consultation) the default guide — the one every transfer was classified by
 * then. Runs at every start, before requests are served; after the first it finds nothing.
 */
export async function assignDefaultGuide(
  database: OpenDatabase,
  guides: GuideCatalog,
  logger: Pick<Logger, 'info'>,
): Promise<number> {
  const guideId = guides.defaultGuide().id;
  const count = await database.db.transaction((tx) =>
    guideAssignmentRepository.assignUnassigned(tx, guideId),
  );
  if (count > 0)
    logger.info(
      { guideId, rows: count },
      'older transfers, leads and settings assigned to the default guide',
    );
  return count;
}
