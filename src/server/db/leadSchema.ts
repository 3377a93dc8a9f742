import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { emailOutbox } from './jobsSchema.ts';
import { consentRecords } from './privacySchema.ts';
import { consultations, users } from './schema.ts';
import { transfers } from './transferSchema.ts';

/** States of a lead; the pure rules live in src/domain/lead. */
export const leadStatusValues = ['new', 'brochure-sent', 'called', 'won', 'lost'] as const;
/** Outcomes of a callback attempt. */
export const callbackOutcomeValues = [
  'reached',
  'no-answer',
  'wrong-number',
  'signed-up',
  'not-interested',
] as const;

/**
 * A sign-up lead (Q4-Y): the customer agreed to the consent notice and gave 업체명, 담당자, 연락처 and
 * 이메일주소; the business team e-mails the brochure and calls back in business hours. Each lead is
 * filed together with its transfer (kind 'lead'), which puts it in the business team's queue.
 * Contact name, phone and e-mail are encrypted (src/server/crypto); phone and e-mail are found by
 * their blind indexes.
 */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id, { onDelete: 'cascade' }),
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    /** The consent the intake relied on; null once the retention purge deleted the record. */
    /** The guide of the consultation the lead came from (its brochure template and inquiry types). */
    guideId: text('guide_id').notNull(),
    consentRecordId: uuid('consent_record_id').references(() => consentRecords.id, { onDelete: 'set null' }),
    status: text('status', { enum: leadStatusValues }).notNull().default('new'),
    /** Not personal data: kept in clear for lists and reports. */
    companyName: text('company_name').notNull(),
    /** Encrypted. */
    contactName: text('contact_name').notNull(),
    /** Encrypted display form ('010-1234-5678'). */
    phone: text('phone').notNull(),
    /** Encrypted. */
    email: text('email').notNull(),
    phoneIndex: text('phone_index'),
    emailIndex: text('email_index'),
    /** 사업자등록번호, ten digits (a company identifier, published on invoices). */
    businessNumber: text('business_number'),
    /** The guide version whose brochure e-mail template was used. */
    guideVersion: text('guide_version').notNull(),
    /** The brochure e-mail in the outbox (its status, attempts and last error are read from there). */
    brochureEmailId: uuid('brochure_email_id').references(() => emailOutbox.id, { onDelete: 'set null' }),
    brochureSentAt: timestamp('brochure_sent_at', { withTimezone: true }),
    /**
     * The customer's open lead this one was filed beside (same company and e-mail, not won, lost or
     * closed): it went to that lead's holder and joins its callback. Null for a customer's first.
     */
    repeatOfLeadId: uuid('repeat_of_lead_id').references((): AnyPgColumn => leads.id, {
      onDelete: 'set null',
    }),
    /**
     * The earlier lead whose brochure e-mail the customer got (sent or queued when this one was
     * filed), so none was queued for this one; null when this lead queued its own (or none).
     */
    brochureSentWithLeadId: uuid('brochure_sent_with_lead_id').references((): AnyPgColumn => leads.id, {
      onDelete: 'set null',
    }),
    /**
     * When the next callback (OB) is due: set at filing as if the brochure went out then, moved to
     * the real sending time once it does (until a call is tried); null when none is pending.
     */
    callbackDueAt: timestamp('callback_due_at', { withTimezone: true }),
    callbackAttempts: integer('callback_attempts').notNull().default(0),
    /** The first callback attempt, whatever its outcome (reports: time to first call). */
    firstCalledAt: timestamp('first_called_at', { withTimezone: true }),
    lastOutcome: text('last_outcome', { enum: callbackOutcomeValues }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    /** When the personal fields are to be erased: the consent's retention end. */
    retentionEndsAt: timestamp('retention_ends_at', { withTimezone: true }).notNull(),
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('leads_transfer_key').on(t.transferId),
    uniqueIndex('leads_consultation_key').on(t.consultationId).where(sql`${t.consultationId} is not null`),
    index('leads_status_callback_idx').on(t.status, t.callbackDueAt),
    index('leads_created_idx').on(t.createdAt),
    index('leads_phone_index_idx').on(t.phoneIndex),
    index('leads_email_index_idx').on(t.emailIndex),
    // Foreign keys to leads: a deleted lead (its transfer deleted) clears them without a scan.
    index('leads_repeat_of_idx').on(t.repeatOfLeadId).where(sql`${t.repeatOfLeadId} is not null`),
    index('leads_brochure_sent_with_idx')
      .on(t.brochureSentWithLeadId)
      .where(sql`${t.brochureSentWithLeadId} is not null`),
    index('leads_retention_idx').on(t.retentionEndsAt).where(sql`${t.personalDataErasedAt} is null`),
    check('leads_status_check', sql`${t.status} in ('new','brochure-sent','called','won','lost')`),
  ],
);

/** Every callback attempt on a lead and its outcome: who, when, what. Append-only. */
export const leadCallbacks = pgTable(
  'lead_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    outcome: text('outcome', { enum: callbackOutcomeValues }).notNull(),
    /** When this attempt was due (null when it was made before any was scheduled). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** For 부재중: when the next attempt is due. */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('lead_callbacks_attempt_key').on(t.leadId, t.attempt),
    check(
      'lead_callbacks_outcome_check',
      sql`${t.outcome} in ('reached','no-answer','wrong-number','signed-up','not-interested')`,
    ),
  ],
);

/**
 * The sign-up brochure PDF admins uploaded; the newest row is the one sent. Kept in the database so
 * every instance sends the same file; without a row the default PDF shipped in content/brochures is used.
 */
export const brochureFiles = pgTable(
  'brochure_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    contentBase64: text('content_base64').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('brochure_files_uploaded_idx').on(t.uploadedAt)],
);
