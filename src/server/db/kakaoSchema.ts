import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { consultations, users } from './schema.ts';

/** States of a KakaoTalk chatbot conversation. */
export const kakaoConversationStatuses = ['active', 'resolved', 'handed-off', 'expired'] as const;

/**
 * A KakaoTalk conversation with the chatbot (Open Builder skill), one per Kakao user at a time.
 * `state` is the engine's state as sealed JSON (transcript, values taken down, consent decisions);
 * the plain columns hold only what lists and counts need (no personal data).
 */
export const kakaoConversations = pgTable(
  'kakao_conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Keyed hash of the Kakao botUserKey, to find the user's conversation without decrypting. */
    userIndex: text('user_index').notNull(),
    /** Sealed: the botUserKey (a pseudonymous id, still an identifier). */
    userKey: text('user_key').notNull(),
    /** Sealed JSON of the conversation (src/domain/kakao/botConversation.ts). */
    state: text('state').notNull(),
    status: text('status', { enum: kakaoConversationStatuses }).notNull().default('active'),
    /** How it ended: the script's outcome, 'handoff' or 'callback-refused'; null while active. */
    outcome: text('outcome'),
    guideId: text('guide_id').notNull(),
    inquiryType: integer('inquiry_type'),
    /** Customer turns answered; the optimistic-lock version and the turn quick replies carry back. */
    turns: integer('turns').notNull().default(0),
    /** Keyed hash of the last request's utterance and extra, to answer Kakao's retries alike. */
    lastRequestHash: text('last_request_hash'),
    /** Sealed JSON of the last answer sent (it may echo what the customer typed). */
    lastResponse: text('last_response'),
    /** The consultation the bot saved or handed over. */
    consultationId: uuid('consultation_id').references(() => consultations.id, { onDelete: 'set null' }),
    /** Hand-off: true in business hours (to an agent now), false out of hours (callback filed). */
    handoffOpen: boolean('handoff_open'),
    /** The agent who picked the handed-off chat up. */
    claimedById: uuid('claimed_by_id').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** When the expiry or the retention purge erased `state`, `userKey` and `lastResponse`. */
    personalDataErasedAt: timestamp('personal_data_erased_at', { withTimezone: true }),
    /** When the personal columns are to be erased (the saved consultation's retention, or a day idle). */
    retentionEndsAt: timestamp('retention_ends_at', { withTimezone: true }),
  },
  (t) => [
    index('kakao_conversations_user_idx').on(t.userIndex, t.lastActivityAt),
    index('kakao_conversations_activity_idx').on(t.status, t.lastActivityAt),
    index('kakao_conversations_consultation_idx').on(t.consultationId),
  ],
);

/** The skill token an admin rotated (replaces IEUM_KAKAO_SKILL_TOKEN); only its SHA-256 is stored. */
export const kakaoSkillTokens = pgTable('kakao_skill_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  tokenHash: text('token_hash').notNull(),
  createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Set when a newer token replaced it. */
  replacedAt: timestamp('replaced_at', { withTimezone: true }),
  /**
   * A replaced token still lets Open Builder in until then, while the admin pastes the new skill
   * URL and deploys the bot (null: it stopped when replaced). The environment's token, replaced by
   * the first rotation, is kept as a row of its own for that overlap.
   */
  validUntil: timestamp('valid_until', { withTimezone: true }),
});
