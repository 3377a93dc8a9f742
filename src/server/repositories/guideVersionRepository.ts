import { and, count, desc, eq, sql } from 'drizzle-orm';
import { guideVersions } from '../db/guideSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { consultations } from '../db/schema.ts';

/** One guide version as a server loaded it. */
export type StoredGuideVersion = { source: string; fileName: string; sourceHash: string };

/** SQL for the guide versions servers have loaded (guide_versions). */
export const guideVersionRepository = {
  /** The stored document of a guide version, if a server ever loaded it. */
  find: async (db: Database, guideId: string, version: string): Promise<StoredGuideVersion | undefined> => {
    const rows = await db
      .select({
        source: guideVersions.source,
        fileName: guideVersions.fileName,
        sourceHash: guideVersions.sourceHash,
      })
      .from(guideVersions)
      .where(and(eq(guideVersions.guideId, guideId), eq(guideVersions.version, version)))
      .limit(1);
    return rows[0];
  },

  /** A guide's kept versions, newest first, each with the consultations still open on it. */
  list: (
    db: Database,
    guideId: string,
  ): Promise<
    Array<{ version: string; firstLoadedAt: Date; lastLoadedAt: Date; openConsultations: number }>
  > =>
    db
      .select({
        version: guideVersions.version,
        firstLoadedAt: guideVersions.firstLoadedAt,
        lastLoadedAt: guideVersions.lastLoadedAt,
        openConsultations: count(consultations.id),
      })
      .from(guideVersions)
      .leftJoin(
        consultations,
        and(
          eq(consultations.guideId, guideVersions.guideId),
          eq(consultations.guideVersion, guideVersions.version),
          eq(consultations.status, 'open'),
        ),
      )
      .where(eq(guideVersions.guideId, guideId))
      .groupBy(guideVersions.guideId, guideVersions.version)
      .orderBy(desc(guideVersions.firstLoadedAt), desc(guideVersions.version)),

  /**
   * Stores a loaded version (a changed file under the same version replaces the stored text) and
   * answers the hash that was stored before, or null when the version is new.
   */
  record: async (
    db: Database,
    loaded: { guideId: string; version: string } & StoredGuideVersion,
    at: Date,
  ): Promise<{ previousHash: string | null }> => {
    const before = await guideVersionRepository.find(db, loaded.guideId, loaded.version);
    await db
      .insert(guideVersions)
      .values({ ...loaded, firstLoadedAt: at, lastLoadedAt: at })
      .onConflictDoUpdate({
        target: [guideVersions.guideId, guideVersions.version],
        set: {
          source: sql`excluded.source`,
          fileName: sql`excluded.file_name`,
          sourceHash: sql`excluded.source_hash`,
          lastLoadedAt: sql`excluded.last_loaded_at`,
        },
      });
    return { previousHash: before?.sourceHash ?? null };
  },
};
