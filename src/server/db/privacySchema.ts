import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from '../../contract/common/channelSchema.ts';
import { consultations, users } from './schema.ts';

/**
 * Consent given or refused on a call or chat (PIPA Art. 15, Enforcement Decree Art. 17): what was read
 * (notice id, version and the SHA-256 of its exact text), what it covered (items, purpose, retention),
 * and who recorded it, on which channel, when. Holds no personal data itself; deleted by the retention
 * purge when its retention ends.
 */
export const consentRecords = pgTable(
  'consent_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id),
    noticeId: text('notice_id').notNull(),
    noticeVersion: text('notice_version').notNull(),
    /** SHA-256 (hex) of the notice text exactly as the guide had it: proof of the wording read. */
    noticeTextSha256: text('notice_text_sha256').notNull(),
    agreed: boolean('agreed').notNull(),
    items: jsonb('items').$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    retentionYears: integer('retention_years').notNull(),
    retentionBasis: text('retention_basis').notNull(),
    retentionEndsAt: timestamp('retention_ends_at', { withTimezone: true }).notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel', { enum: channels }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('consent_records_consultation_notice_key').on(t.consultationId, t.noticeId),
    index('consent_records_retention_idx').on(t.retentionEndsAt),
  ],
);

/**
 * Destruction log (PIPA Art. 21): which kind of record, which id, when and why personal data was
 * destroyed — never the destroyed values.
 */
export const destructionLog = pgTable(
  'destruction_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** e.g. 'consultation.personal-data', 'consent-record', 'audit-events'. */
    recordKind: text('record_kind').notNull(),
    recordId: text('record_id').notNull(),
    reason: text('reason', { enum: ['retention-ended', 'subject-request'] }).notNull(),
    /** Who asked (a data-subject request); null for the scheduled purge. */
    actorId: uuid('actor_id'),
    /** Names of erased fields, the retention end, the request's reason — no values. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    index('destruction_log_at_idx').on(t.at),
    index('destruction_log_record_idx').on(t.recordKind, t.recordId),
  ],
);
