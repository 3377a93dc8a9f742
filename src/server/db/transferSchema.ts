import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from '../../contract/common/channelSchema.ts';
import { consultations, users } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Workflow states of a transfer; the pure rules live in src/domain/transfer. */
export const transferStatusValues = [
  'received',
  'in-progress',
  'contacted',
  'unreachable',
  'closed',
] as const;

/**
 * A transfer (이관) to the business team: the first-class replacement of the Agit post
 * "[ 비즈니스 ] 이관_KD로 이관". Sign-up leads (Q4) are transfers of kind 'lead'.
 * Contact fields hold personal data: every API response masks them by default.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** For people: 'T-2026-000123'. */
    number: text('number').notNull(),
    kind: text('kind', { enum: ['transfer', 'lead'] }).notNull(),
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    /** The guide whose inquiry types and channels this transfer is classified by. */
    guideId: text('guide_id').notNull(),
    /** A type number of the guide (bounds are the guide's, checked by the services). */
    inquiryType: integer('inquiry_type').notNull(),
    channel: text('channel', { enum: channels }).notNull(),
    companyName: text('company_name').notNull().default(''),
    contactName: text('contact_name').notNull().default(''),
    /** Display form of a validated Korean number ('010-1234-5678'). */
    phone: text('phone'),
    email: text('email'),
    inquiry: text('inquiry').notNull(),
    /**
     * 'registered-contact': the team calls the contact registered for the business account (the
     * guide's "카카오 T 앱 내의 등록된 연락처로"); phone and e-mail may then be empty. Null: reach
     * the caller at the phone or e-mail given.
     */
    reachVia: text('reach_via', { enum: ['registered-contact'] }),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: transferStatusValues }).notNull().default('received'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    retryAt: timestamp('retry_at', { withTimezone: true }),
    /** First time the customer was reached (reports: time to callback). */
    contactedAt: timestamp('contacted_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /**
     * When the retention purge (or a data-subject request) erased contact name, phone, e-mail and
     * inquiry. Erased with the lead (its retention end), with the consultation it was filed from,
     * or — filed on its own — IEUM_RETENTION_DEFAULT_YEARS after filing.
     */
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    /**
     * Why they were erased, as the destruction log says: the end of the retention period or a
     * data-subject request. Screens and the reveal's refusal name it; null while not erased (and for
     * a transfer erased before this was kept whose destruction-log entry is gone).
     */
    personalDataErasedReason: text('personal_data_erased_reason', {
      enum: ['retention-ended', 'subject-request'],
    }),
    /** Blind indexes of every phone number and e-mail in the personal fields (data-subject lookup). */
    personalIndex: text('personal_index').array(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('transfers_number_key').on(t.number),
    // The purge's scan for transfers still holding personal data.
    index('transfers_retention_idx').on(t.createdAt).where(sql`${t.personalDataErasedAt} is null`),
    index('transfers_personal_index_idx').using('gin', t.personalIndex),
    // A consultation files at most one transfer; a second attempt finds the first.
    uniqueIndex('transfers_consultation_key')
      .on(t.consultationId)
      .where(sql`${t.consultationId} is not null`),
    index('transfers_status_due_idx').on(t.status, t.dueAt),
    index('transfers_assignee_idx').on(t.assigneeId, t.status),
    index('transfers_filed_by_idx').on(t.filedBy, t.createdAt),
    // Reports: transfers filed in a date range.
    index('transfers_created_idx').on(t.createdAt),
    check(
      'transfers_status_check',
      sql`${t.status} in ('received','in-progress','contacted','unreachable','closed')`,
    ),
    check('transfers_kind_check', sql`${t.kind} in ('transfer','lead')`),
    check('transfers_retry_check', sql`(${t.status} = 'unreachable') = (${t.retryAt} is not null)`),
    check(
      'transfers_erased_reason_check',
      sql`${t.personalDataErasedReason} is null or ${t.personalDataErasedReason} in ('retention-ended','subject-request')`,
    ),
  ],
);

/** The yearly sequence behind transfer numbers; one row per year, bumped atomically. */
export const transferCounters = pgTable('transfer_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

/** What a history entry records, by action. */
export type TransferEventDetail = {
  fromStatus?: string;
  toStatus?: string;
  retryAt?: string | null;
  fromAssigneeId?: string | null;
  toAssigneeId?: string | null;
  /**
   * How an assignee was chosen: the rotation, a person, taking it oneself, or — a sign-up lead for a
   * customer with an open one — that lead's holder ('open-lead').
   */
  assignedBy?: 'rotation' | 'manual' | 'take' | 'open-lead';
  /**
   * 'assigned': why it was reassigned when not by a person's choice (its assignee's account was
   * disabled). 'erased': why its personal data was erased (the destruction log's reason).
   */
  reason?: 'assignee-disabled' | 'retention-ended' | 'subject-request';
  commentId?: string;
  note?: string;
  /** The sign-up lead's callback outcome that made the move (통화 완료 → 연락완료; 가입, 관심 없음, 잘못된 번호 → 종결). */
  byLeadOutcome?: string;
  /** 'due-changed': the due time before and after (ISO instants); absent when only the retry time moved. */
  fromDueAt?: string;
  toDueAt?: string;
  /** 'due-changed': the 연락불가 retry time before and after, when it moved. */
  fromRetryAt?: string;
  toRetryAt?: string;
  /** 'due-changed': the company closure whose adding or removing moved the times (the calendar changed). */
  closure?: { change: 'added' | 'removed'; date: string; name: string };
};

/** The history of a transfer: who changed what, when. Append-only. */
export const transferEvents = pgTable(
  'transfer_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id, { onDelete: 'cascade' }),
    /** Null for the system (rotation at filing time is recorded under the filer). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /**
     * 'due-changed': the business calendar changed under an open transfer (a closure added or
     * removed). 'erased': its personal data was erased (detail.reason), closing it if it was open
     * (detail.fromStatus, toStatus).
     */
    action: text('action', {
      enum: ['filed', 'status-changed', 'assigned', 'commented', 'due-changed', 'erased'],
    }).notNull(),
    detail: jsonb('detail').$type<TransferEventDetail>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('transfer_events_transfer_idx').on(t.transferId, t.id)],
);

/** Comments on a transfer, with the users they @mention. */
export const transferComments = pgTable(
  'transfer_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    mentionedIds: jsonb('mentioned_ids').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [index('transfer_comments_transfer_idx').on(t.transferId, t.createdAt)],
);

/**
 * Per inquiry type of a guide: the SLA rule and the rotation cursor (who got the previous transfer).
 * A type without a row uses the default SLA (next business day 12:00) and has no assignees.
 */
export const transferTypeSettings = pgTable(
  'transfer_type_settings',
  {
    guideId: text('guide_id').notNull(),
    inquiryType: integer('inquiry_type').notNull(),
    slaKind: text('sla_kind', { enum: ['next-business-day', 'business-minutes'] }).notNull(),
    slaTime: text('sla_time'),
    slaMinutes: integer('sla_minutes'),
    lastAssigneeId: uuid('last_assignee_id'),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.guideId, t.inquiryType] }),
    check(
      'transfer_type_settings_sla_check',
      sql`(${t.slaKind} = 'next-business-day' and ${t.slaTime} is not null) or (${t.slaKind} = 'business-minutes' and ${t.slaMinutes} > 0)`,
    ),
  ],
);

/** Business-team members who take transfers of an inquiry type of a guide, in rotation order. */
export const transferAssignees = pgTable(
  'transfer_assignees',
  {
    guideId: text('guide_id').notNull(),
    inquiryType: integer('inquiry_type').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    onDuty: boolean('on_duty').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.guideId, t.inquiryType, t.userId] })],
);

/**
 * Idempotency keys of writes (`Idempotency-Key` header): the same key from the same user with the
 * same request returns the first outcome; with a different request it is refused. Only the
 * resource id and status are kept, never the response body, so no personal data is copied here.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The operation, e.g. 'transfer.file': one key may not be reused across operations. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code'),
    resourceId: uuid('resource_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.scope, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

/** Outbound webhook subscriptions (mirror transfers into Agit, Slack or any board). */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  /** HMAC key; kept in clear because signing needs it. Shown once when created. */
  secret: text('secret').notNull(),
  /** Event types delivered, e.g. ['transfer.filed']; '*' for all. */
  eventTypes: jsonb('event_types').$type<string[]>().notNull(),
  active: boolean('active').notNull().default(true),
  /** Send contact fields in clear (the receiver is a trusted board); masked otherwise. */
  includePersonalData: boolean('include_personal_data').notNull().default(false),
  description: text('description').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One event sent to one subscription: the exact body (so every retry is signed identically) and its log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    /** Sent as X-Ieum-Delivery; receivers de-duplicate on it. */
    id: uuid('id').primaryKey().defaultRandom(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventType: text('event_type').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    responseCode: integer('response_code'),
    createdAt: createdAt(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt)],
);
