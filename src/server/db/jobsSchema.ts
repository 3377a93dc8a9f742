import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Durable background work (email delivery, webhooks, callback reminders, retention purge).
 * Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of instances share them and a
 * job is worked by one instance at a time; a crashed worker's lease expires and the job is retried.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(10),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('jobs_dedupe_key').on(t.dedupeKey),
    index('jobs_due_idx').on(t.runAt).where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
  ],
);

/**
 * Live events (transfer filed, status changed, …). Stored so a NOTIFY can carry only the id and
 * every instance reads the same content, and so a reconnecting client can catch up (Last-Event-ID).
 */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    type: text('type').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_at_idx').on(t.at)],
);

/**
 * A file attached to an outbox e-mail: its bytes (`contentBase64`), a file on disk (`path`), or an
 * uploaded brochure by id (`brochureFileId`) — the same PDF goes out with every sign-up e-mail, so it
 * is referenced rather than copied into each row. `sizeBytes` is what the e-mail preview shows.
 */
export type OutboxAttachment = {
  filename: string;
  path?: string;
  contentBase64?: string;
  brochureFileId?: string;
  contentType?: string;
  sizeBytes?: number;
};

/** E-mails waiting for, or done with, SMTP delivery. Without SMTP_URL they stay here, readable in the app. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /**
     * Set, before any network I/O, by the worker about to talk SMTP (and extended while it does);
     * cleared when it records the outcome. While it is in the future no other worker sends the
     * mail; a claim found expired means the last attempt was cut off (the process was killed) and
     * may or may not have reached the recipient.
     */
    sendClaimedUntil: timestamp('send_claimed_until', { withTimezone: true }),
    sendClaimedBy: text('send_claimed_by'),
  },
  (t) => [
    uniqueIndex('email_outbox_dedupe_key').on(t.dedupeKey),
    index('email_outbox_status_idx').on(t.status),
  ],
);
