import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
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
import { consultationStatuses } from '../../contract/consultations/consultationStatusSchema.ts';
import { locales } from '../../contract/users/localeSchema.ts';
import { roles } from '../../contract/users/roleSchema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
    /** The agent's phone extension (내선번호): a CTI `answer` pops on the agent whose extension answered. */
    extension: text('extension'),
    /** The UI language the person chose (ko | en); the web app shows it from the first paint after sign-in. */
    locale: text('locale', { enum: locales }).notNull().default('ko'),
    /**
     * When the person chose their language (the language switch, /setup, or their first sign-in,
     * which keeps the login page's language); null while `locale` is only the default, so that
     * first sign-in may still take the page's language instead of Korean.
     */
    localeChosenAt: timestamp('locale_chosen_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('users_extension_key').on(t.extension),
    check('users_role_check', sql`${t.role} in ('agent','backoffice','supervisor','admin')`),
    check('users_locale_check', sql`${t.locale} in ('ko','en')`),
  ],
);

/** Browser sessions. The cookie carries a random token; only its SHA-256 is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Bearer tokens for integrations (CTI, chat platforms, CRMs). Only the SHA-256 is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** When the token stops working by itself; null: until revoked. */
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** One-time links that let the first admin set a password in the browser. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});

/** Company closures (and admin-declared temporary holidays) that close the business calendar for a day. */
export const closures = pgTable(
  'closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date', { mode: 'string' }).notNull(),
    name: text('name').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('closures_date_key').on(t.date)],
);

/** A call or chat handled with a guide, from the first greeting to the saved consultation record. */
export const consultations = pgTable(
  'consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => users.id),
    /** One of the guide's channels (checked by the services against the guide, not by a constraint). */
    channel: text('channel', { enum: channels }).notNull(),
    /** Encrypted (src/server/crypto/encryptField.ts), like every personal field of this table. */
    callerNumber: text('caller_number'),
    status: text('status', { enum: consultationStatuses }).notNull().default('open'),
    guideId: text('guide_id').notNull(),
    guideVersion: text('guide_version').notNull(),
    scriptId: text('script_id'),
    inquiryType: integer('inquiry_type'),
    path: jsonb('path').$type<Array<{ nodeId: string; answer: string }>>().notNull().default([]),
    outcome: text('outcome'),
    businessHoursOpen: boolean('business_hours_open'),
    recordCategory: text('record_category'),
    /** Encrypted: the agent's summary may name the caller. */
    recordTitle: text('record_title'),
    /** Encrypted: 상담내용 holds 담당자 이름 and 연락처. */
    recordBody: text('record_body'),
    /** Field key → encrypted value (keys such as 'phone' are not personal, values are). */
    recordFields: jsonb('record_fields').$type<Record<string, string>>(),
    /**
     * Blind indexes (keyed hashes) of every phone number and email the consultation holds — caller
     * number, record fields and body — for exact lookup without decrypting (CTI, data-subject requests).
     */
    personalIndex: text('personal_index').array(),
    /**
     * Blind index of the caller number alone: who called, for the repeat-contact report (a caller
     * coming back with the same inquiry type) without decrypting. Erased with the number.
     */
    callerIndex: text('caller_index'),
    /** When the personal fields above are to be erased; set at start and again at completion. */
    retentionEndsAt: timestamp('retention_ends_at', { withTimezone: true }),
    /** When the retention purge or a data-subject request erased the personal fields. */
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /**
     * Encrypted JSON of the work in progress (path so far, type, typed fields, transfer choice) so
     * a reload or another tab resumes the call; cleared when the record is saved, erased with the
     * personal fields.
     */
    draft: text('draft'),
    /** The client's revision of the stored draft; a write with a lower or equal one is stale. */
    draftRevision: integer('draft_revision').notNull().default(0),
    draftSavedAt: timestamp('draft_saved_at', { withTimezone: true }),
    /** Start or last draft write: a consultation idle past IEUM_ABANDON_AFTER_MINUTES is abandoned. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    abandonedAt: timestamp('abandoned_at', { withTimezone: true }),
    /**
     * Whether the business directory knew the caller's number as a registered contact when the call
     * was answered through the CTI (null: not started by the CTI). The agent still confirms in Q1/Q3.
     */
    directoryMatched: boolean('directory_matched'),
    /**
     * Whether a transfer or lead was filed from this consultation; kept by a trigger on transfers
     * (migration 0020) so the report rollups, keyed on the consultation row, count it exactly.
     */
    filedTransfer: boolean('filed_transfer').notNull().default(false),
    /**
     * Start of the next consultation of the same caller (caller_index), guide and inquiry type after
     * this one, kept by triggers (migration 0022) for the repeat-contact report; null outside a chain
     * (no caller index or type, erased included) or when none followed.
     */
    nextContactAt: timestamp('next_contact_at', { withTimezone: true }),
    /**
     * The script path's identity (guide, script, type, outcome, answers) hashed by ieum_path_key
     * (migration 0023): the per-path handle times are read in order through one short index key.
     */
    pathKey: text('path_key').generatedAlwaysAs(
      sql`ieum_path_key(guide_id, script_id, inquiry_type, outcome, path)`,
    ),
    /**
     * Whether the consultation is the KakaoTalk chatbot's own (its agent is the bot's account,
     * KAKAO_BOT_EMAIL): kept by a trigger from agent_id (migration 0035), so it turns false when an
     * agent picks a handed-off chat up. Agents' report figures leave these out; the bot's work is
     * reported apart.
     */
    byBot: boolean('by_bot').notNull().default(false),
  },
  (t) => [
    index('consultations_agent_started_idx').on(t.agentId, t.startedAt),
    // Reports: consultations started in a date range, and the repeat-contact look-ahead per caller.
    index('consultations_started_idx').on(t.startedAt),
    index('consultations_caller_repeat_idx')
      .on(t.callerIndex, t.guideId, t.inquiryType, t.startedAt)
      .where(sql`${t.callerIndex} is not null`),
    index('consultations_open_activity_idx').on(t.lastActivityAt).where(sql`${t.status} = 'open'`),
    index('consultations_personal_index_idx').using('gin', t.personalIndex),
    index('consultations_retention_idx').on(t.retentionEndsAt).where(sql`${t.personalDataErasedAt} is null`),
    check('consultations_status_check', sql`${t.status} in ('open','completed','abandoned')`),
  ],
);

/**
 * The access log (접속기록) and security trail in one: logins, lock-outs, permission changes, token
 * creation, and every reveal, export or unmasked read of personal data. Append-only (a trigger
 * refuses UPDATE and DELETE except the retention purge and reason redaction), hash-chained with a
 * key that is not in the database (each row stores an HMAC of the previous row's hash and its own
 * canonical content, see chainAuditEntry), kept IEUM_ACCESS_LOG_RETENTION_YEARS.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    /** Whose data or which account, e.g. 'consultation:<id>', 'user:<id>'. Never a clear value. */
    subject: text('subject'),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** Blind index of the data subject's phone or email, so the log is searchable by person without holding the value. */
    subjectIndex: text('subject_index'),
    /** Why the actor needed the clear value (reveal, export, data-subject request); encrypted (enc:v1:…). */
    reason: text('reason'),
    /** Hash of the previous row (64 zeros for the first); null only on rows written before the chain existed. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** 2: keyed link (chainAuditEntry, HMAC); null: a row of the first, unkeyed chain (hashAuditEntry). */
    chainVersion: integer('chain_version'),
    /** Position in the keyed chain (1, 2, …), covered by the link, so a removed row shows. */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
    /** Id of the master key whose chain key made this row's link. */
    chainKeyId: text('chain_key_id'),
    /** Keyed digest of the reason as written (digestAuditReason): the keyed link covers this, not the text. */
    reasonDigest: text('reason_digest'),
    /** When a data-subject delete redacted the subject's name, phone or e-mail from the reason. */
    reasonRedactedAt: timestamp('reason_redacted_at', { withTimezone: true }),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at),
    index('audit_events_actor_idx').on(t.actorId, t.at),
    index('audit_events_subject_idx').on(t.subject),
    index('audit_events_subject_index_idx').on(t.subjectIndex),
    // The access-log check reads the purge anchors by action at every checkpoint, and the admin's
    // search filters by it: without this both walk the whole, ever-growing log.
    index('audit_events_action_idx').on(t.action, t.id),
  ],
);
