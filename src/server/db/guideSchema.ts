import { pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every guide version a server has loaded, as its file held it. A consultation stores the version
 * it started on and is replayed through that version when it is saved, also after a restart has
 * loaded a newer one: the agent finishes the call on the script they were reading.
 */
export const guideVersions = pgTable(
  'guide_versions',
  {
    guideId: text('guide_id').notNull(),
    /** The guide's own `version`. */
    version: text('version').notNull(),
    /** The document's text, parsed again (and migrated to the current schema) when it is needed. */
    source: text('source').notNull(),
    /** The file it was read from, which parse errors name. */
    fileName: text('file_name').notNull(),
    /** sha256 of `source`: a file changed under the same version is told apart (and logged). */
    sourceHash: text('source_hash').notNull(),
    firstLoadedAt: timestamp('first_loaded_at', { withTimezone: true }).notNull().defaultNow(),
    lastLoadedAt: timestamp('last_loaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.guideId, t.version] })],
);
