import type { Logger } from 'pino';
import type { OpenDatabase } from '../../db/openDatabase.ts';
import { guideVersionRepository } from '../../repositories/guideVersionRepository.ts';
import type { GuideCatalog } from './loadGuideCatalog.ts';

/**
 * Keeps the version of every loaded guide in the database, so a consultation started on it can be
 * saved on it after a restart has loaded a newer one. Runs at every start before requests are
 * served. A file changed without a new `version` replaces the stored text — consultations started
 * on that version are then replayed on the changed script — and is logged so it can be told apart.
 */
export async function recordGuideVersions(
  database: OpenDatabase,
  guides: GuideCatalog,
  logger: Pick<Logger, 'warn'>,
  at: Date = new Date(),
): Promise<void> {
  for (const guide of guides.list()) {
    const source = guides.source(guide.id);
    if (!source) continue;
    const { previousHash } = await database.db.transaction((tx) =>
      guideVersionRepository.record(
        tx,
        {
          guideId: guide.id,
          version: guide.version,
          source: source.text,
          fileName: source.fileName,
          sourceHash: source.sha256,
        },
        at,
      ),
    );
    if (previousHash !== null && previousHash !== source.sha256) {
      logger.warn(
        { guideId: guide.id, version: guide.version, file: source.fileName },
        'guide file changed without a new version: consultations started on this version are saved on the changed script; give an edited guide a new "version"',
      );
    }
  }
}
