import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consultations, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/**
 * One token per PBX integration (Zammad-style generic CTI: the token is in the URL path, since PBX
 * bridges cannot send headers). Only the SHA-256 is stored; a revoked token answers like an unknown one.
 */
export const ctiTokens = pgTable('cti_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** States of a call as the PBX reported it. */
export const callStateValues = ['ringing', 'answered', 'missed', 'ended'] as const;
/**
 * States of the callback a missed call leaves in the business queue: open, done (called back), or
 * erased (its number was erased — retention end or a data-subject request — before anyone called
 * back: there is no one left to call, so it leaves the queue in the erasure's transaction).
 */
export const callCallbackStatusValues = ['open', 'done', 'erased'] as const;

/**
 * A phone call reported by a PBX (newCall / answer / hangup), keyed by the PBX's call id so repeated
 * events are idempotent. From and to numbers are personal: sealed (sealedTables.ts) and found by the
 * blind index of the caller. A missed inbound call carries a callback task for the business queue.
 */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The PBX's call id (Zammad's callId, ≤ 250 characters), unique per integration. */
    externalId: text('external_id').notNull(),
    /** The integration that reported it (tokens are revoked, never deleted). */
    tokenId: uuid('token_id')
      .notNull()
      .references(() => ctiTokens.id),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** Encrypted, as the PBX sent it ('01012345678', 'anonymous'). */
    fromNumber: text('from_number'),
    /** Encrypted. */
    toNumber: text('to_number'),
    /** Encrypted: the customer's number in display form (from on inbound calls, to on outbound ones); null when anonymous. */
    customerNumber: text('customer_number'),
    /** Blind index of customerNumber (the caller's history, data-subject requests). */
    customerIndex: text('customer_index'),
    queue: text('queue'),
    /** Names of the agents the PBX rang (Zammad's user[]); staff names, not customers'. */
    ringing: jsonb('ringing').$type<string[]>().notNull().default([]),
    state: text('state', { enum: callStateValues }).notNull().default('ringing'),
    answeringNumber: text('answering_number'),
    agentId: uuid('agent_id').references(() => users.id, { onDelete: 'set null' }),
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    /** Hangup cause as the PBX sent it (normalClearing, cancel, noAnswer, busy, …). */
    cause: text('cause'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    callbackStatus: text('callback_status', { enum: callCallbackStatusValues }),
    callbackDueAt: timestamp('callback_due_at', { withTimezone: true }),
    callbackDoneAt: timestamp('callback_done_at', { withTimezone: true }),
    callbackDoneBy: uuid('callback_done_by').references(() => users.id, { onDelete: 'set null' }),
    /**
     * Who revealed the number to call back, and when: the callback is theirs while the hold lasts
     * (IEUM_CALLBACK_HOLD_MINUTES), so two people do not call the same customer.
     */
    callbackTakenBy: uuid('callback_taken_by').references(() => users.id, { onDelete: 'set null' }),
    callbackTakenAt: timestamp('callback_taken_at', { withTimezone: true }),
    /** When the numbers are to be erased (IEUM_RETENTION_DEFAULT_YEARS after the call). */
    retentionEndsAt: timestamp('retention_ends_at', { withTimezone: true }).notNull(),
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('calls_token_external_key').on(t.tokenId, t.externalId),
    index('calls_customer_index_idx').on(t.customerIndex),
    index('calls_callback_idx')
      .on(t.callbackStatus, t.callbackDueAt)
      .where(sql`${t.callbackStatus} is not null`),
    index('calls_retention_idx').on(t.retentionEndsAt).where(sql`${t.personalDataErasedAt} is null`),
    // An agent's calls answered in the last minute: the pops a console connecting late catches up on.
    index('calls_agent_answered_idx').on(t.agentId, t.answeredAt).where(sql`${t.answeredAt} is not null`),
    check('calls_direction_check', sql`${t.direction} in ('in','out')`),
    check('calls_state_check', sql`${t.state} in ('ringing','answered','missed','ended')`),
  ],
);
