import { and, asc, count, desc, eq, gt, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { type Opened, openRow } from '../crypto/openRow.ts';
import { sealRow } from '../crypto/sealRow.ts';
import { kakaoConversations, kakaoSkillTokens } from '../db/kakaoSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { consultations } from '../db/schema.ts';
import { sealedTables } from './sealedTables.ts';

/** A conversation row, personal columns in clear. */
export type KakaoConversationRow = Opened<typeof kakaoConversations.$inferSelect>;
/** What is written; the repository seals the personal columns. */
export type KakaoConversationValues = typeof kakaoConversations.$inferInsert;

/** A conversation whose personal columns were (or are about to be) erased, for the destruction log. */
export type ErasedConversation = { id: string; retentionEndsAt: Date | null };

// Ended, not yet erased, and past its retention.
const endedAndExpired = (at: Date) =>
  and(
    ne(kakaoConversations.status, 'active'),
    isNull(kakaoConversations.personalDataErasedAt),
    lt(kakaoConversations.retentionEndsAt, at),
  );

const open = (codec: FieldCodec, row: typeof kakaoConversations.$inferSelect): KakaoConversationRow =>
  openRow(codec, sealedTables.kakaoConversations, row);

/** SQL for the KakaoTalk chatbot's conversations and its rotated skill token. */
export const kakaoConversationRepository = {
  /** The user's most recent conversation (any status). */
  findLatestForUser: async (
    db: Database,
    codec: FieldCodec,
    userIndex: string,
  ): Promise<KakaoConversationRow | undefined> => {
    const [row] = await db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.userIndex, userIndex))
      .orderBy(desc(kakaoConversations.startedAt))
      .limit(1);
    return row ? open(codec, row) : undefined;
  },

  findById: async (
    db: Database,
    codec: FieldCodec,
    id: string,
  ): Promise<KakaoConversationRow | undefined> => {
    const [row] = await db.select().from(kakaoConversations).where(eq(kakaoConversations.id, id));
    return row ? open(codec, row) : undefined;
  },

  findByConsultation: async (
    db: Database,
    codec: FieldCodec,
    consultationId: string,
  ): Promise<KakaoConversationRow | undefined> => {
    const [row] = await db
      .select()
      .from(kakaoConversations)
      .where(eq(kakaoConversations.consultationId, consultationId))
      .limit(1);
    return row ? open(codec, row) : undefined;
  },

  insert: async (
    db: Database,
    codec: FieldCodec,
    values: KakaoConversationValues,
  ): Promise<KakaoConversationRow> => {
    const [row] = await db
      .insert(kakaoConversations)
      .values(sealRow(codec, sealedTables.kakaoConversations, values))
      .returning();
    if (!row) throw new Error('insert into kakao_conversations returned no row');
    return open(codec, row);
  },

  /**
   * Ties a chat consultation to the conversation unless one is tied already: the first attempt at a
   * turn's filing wins, and a retry (on this instance or another) files on that consultation.
   * `replacing` names a tied consultation the caller found closed (abandoned): it is swapped only
   * while still tied, so of two attempts replacing it one wins and the other files on the winner's.
   */
  claimConsultation: async (
    db: Database,
    id: string,
    consultationId: string,
    replacing: string | null = null,
  ): Promise<boolean> => {
    const rows = await db
      .update(kakaoConversations)
      .set({ consultationId })
      .where(
        and(
          eq(kakaoConversations.id, id),
          replacing === null
            ? isNull(kakaoConversations.consultationId)
            : eq(kakaoConversations.consultationId, replacing),
        ),
      )
      .returning({ id: kakaoConversations.id });
    return rows.length > 0;
  },

  /** The consultation tied to a conversation and its status (null when none is tied or it is gone). */
  findTiedConsultation: async (db: Database, id: string) => {
    const [row] = await db
      .select({ consultationId: kakaoConversations.consultationId, status: consultations.status })
      .from(kakaoConversations)
      .leftJoin(consultations, eq(consultations.id, kakaoConversations.consultationId))
      .where(eq(kakaoConversations.id, id));
    return row;
  },

  /**
   * Stores a turn if nobody stored one since `expectedTurns` was read (optimistic lock: two
   * requests of one user never both win). Undefined when another request got in first.
   */

  saveTurn: async (
    db: Database,
    codec: FieldCodec,
    id: string,
    expectedTurns: number,
    values: Partial<KakaoConversationValues>,
  ): Promise<KakaoConversationRow | undefined> => {
    const [row] = await db
      .update(kakaoConversations)
      .set(sealRow(codec, sealedTables.kakaoConversations, values, 'update'))
      .where(and(eq(kakaoConversations.id, id), eq(kakaoConversations.turns, expectedTurns)))
      .returning();
    return row ? open(codec, row) : undefined;
  },

  /** Handed-off chats, newest first: those still waiting for an agent and those picked up or filed. */
  listHandoffs: async (db: Database, since: Date) =>
    db
      .select({
        id: kakaoConversations.id,
        guideId: kakaoConversations.guideId,
        inquiryType: kakaoConversations.inquiryType,
        consultationId: kakaoConversations.consultationId,
        handoffOpen: kakaoConversations.handoffOpen,
        claimedById: kakaoConversations.claimedById,
        claimedAt: kakaoConversations.claimedAt,
        endedAt: kakaoConversations.endedAt,
        consultationStatus: consultations.status,
      })
      .from(kakaoConversations)
      .leftJoin(consultations, eq(consultations.id, kakaoConversations.consultationId))
      .where(
        and(
          eq(kakaoConversations.status, 'handed-off'),
          isNotNull(kakaoConversations.consultationId),
          sql`${kakaoConversations.endedAt} >= ${since}`,
        ),
      )
      .orderBy(desc(kakaoConversations.endedAt))
      .limit(100),

  /** Marks a handed-off chat as picked up by an agent; false when someone else was first. */
  claim: async (db: Database, id: string, agentId: string, at: Date): Promise<boolean> => {
    const rows = await db
      .update(kakaoConversations)
      .set({ claimedById: agentId, claimedAt: at })
      .where(and(eq(kakaoConversations.id, id), isNull(kakaoConversations.claimedById)))
      .returning({ id: kakaoConversations.id });
    return rows.length > 0;
  },

  /** Conversations for the admin list, newest first (plain columns only; the caller masks). */
  list: async (db: Database, codec: FieldCodec, limit: number): Promise<KakaoConversationRow[]> => {
    const rows = await db
      .select()
      .from(kakaoConversations)
      .orderBy(desc(kakaoConversations.lastActivityAt))
      .limit(limit);
    return rows.map((row) => open(codec, row));
  },

  /** Conversations by status and outcome, for the supervisor's counts. */
  countByOutcome: (db: Database, since: Date) =>
    db
      .select({ status: kakaoConversations.status, outcome: kakaoConversations.outcome, count: count() })
      .from(kakaoConversations)
      .where(sql`${kakaoConversations.startedAt} >= ${since}`)
      .groupBy(kakaoConversations.status, kakaoConversations.outcome),

  /** Active conversations idle since before `before`: they expire, their personal columns erased. */
  expireIdle: async (db: Database, before: Date, at: Date): Promise<ErasedConversation[]> =>
    db
      .update(kakaoConversations)
      .set({
        status: 'expired',
        endedAt: at,
        state: '',
        lastResponse: null,
        userKey: '',
        personalDataErasedAt: at,
      })
      .where(and(eq(kakaoConversations.status, 'active'), lt(kakaoConversations.lastActivityAt, before)))
      .returning({ id: kakaoConversations.id, retentionEndsAt: kakaoConversations.retentionEndsAt }),

  /** Ended conversations whose retention ended: personal columns erased, the rest kept for counts. */
  erasePersonalData: async (db: Database, at: Date): Promise<ErasedConversation[]> =>
    db
      .update(kakaoConversations)
      .set({ state: '', lastResponse: null, userKey: '', personalDataErasedAt: at })
      .where(endedAndExpired(at))
      .returning({ id: kakaoConversations.id, retentionEndsAt: kakaoConversations.retentionEndsAt }),

  /** What erasePersonalData would erase now (a dry run of the retention purge), oldest first. */
  listExpired: async (db: Database, at: Date, limit: number): Promise<ErasedConversation[]> =>
    db
      .select({ id: kakaoConversations.id, retentionEndsAt: kakaoConversations.retentionEndsAt })
      .from(kakaoConversations)
      .where(endedAndExpired(at))
      .orderBy(asc(kakaoConversations.retentionEndsAt))
      .limit(limit),

  /** What expireIdle would expire now (a dry run of the retention purge), idle longest first. */
  listIdle: async (db: Database, before: Date, limit: number): Promise<ErasedConversation[]> =>
    db
      .select({ id: kakaoConversations.id, retentionEndsAt: kakaoConversations.retentionEndsAt })
      .from(kakaoConversations)
      .where(and(eq(kakaoConversations.status, 'active'), lt(kakaoConversations.lastActivityAt, before)))
      .orderBy(asc(kakaoConversations.lastActivityAt))
      .limit(limit),

  /** The SHA-256 of the admin-rotated skill token in force, if any. */
  /**
   * The skill tokens that let Open Builder in at `now`: the one in force (none: the environment's
   * holds) and the replaced ones still inside the overlap their rotation gave them.
   */
  tokensInForce: async (
    db: Database,
    now: Date,
  ): Promise<{ current: string | null; overlapping: Array<{ tokenHash: string; validUntil: Date }> }> => {
    const rows = await db
      .select({
        tokenHash: kakaoSkillTokens.tokenHash,
        replacedAt: kakaoSkillTokens.replacedAt,
        validUntil: kakaoSkillTokens.validUntil,
        createdAt: kakaoSkillTokens.createdAt,
      })
      .from(kakaoSkillTokens)
      .where(or(isNull(kakaoSkillTokens.replacedAt), gt(kakaoSkillTokens.validUntil, now)))
      .orderBy(desc(kakaoSkillTokens.createdAt));
    const current = rows.find((row) => row.replacedAt === null)?.tokenHash ?? null;
    const overlapping = rows.flatMap((row) =>
      row.replacedAt !== null && row.validUntil !== null
        ? [{ tokenHash: row.tokenHash, validUntil: row.validUntil }]
        : [],
    );
    return { current, overlapping };
  },

  /**
   * Stores a new skill token hash and retires the previous ones, in one transaction: they keep
   * working until `previousValidUntil` (null: from now on they do not). The environment's token,
   * when no rotated one was in force (`envTokenHash`), is kept as a replaced row for that overlap.
   * Tells whether a token was in force before.
   */
  rotateToken: async (
    db: Database,
    tokenHash: string,
    createdById: string | null,
    at: Date,
    previous: { validUntil: Date | null; envTokenHash: string | null },
  ): Promise<{ replaced: boolean }> =>
    db.transaction(async (tx) => {
      const replaced = await tx
        .update(kakaoSkillTokens)
        .set({ replacedAt: at, validUntil: previous.validUntil })
        .where(isNull(kakaoSkillTokens.replacedAt))
        .returning({ id: kakaoSkillTokens.id });
      // Overlaps given earlier end no later than this one's: a second rotation within the first's
      // overlap (a leak found meanwhile) must be able to stop every older token at once.
      await tx
        .update(kakaoSkillTokens)
        .set({ validUntil: previous.validUntil })
        .where(
          previous.validUntil === null
            ? isNotNull(kakaoSkillTokens.validUntil)
            : gt(kakaoSkillTokens.validUntil, previous.validUntil),
        );
      const envReplaced = replaced.length === 0 && previous.envTokenHash !== null;
      if (envReplaced && previous.validUntil !== null && previous.envTokenHash !== null)
        await tx.insert(kakaoSkillTokens).values({
          tokenHash: previous.envTokenHash,
          createdById: null,
          createdAt: at,
          replacedAt: at,
          validUntil: previous.validUntil,
        });
      await tx.insert(kakaoSkillTokens).values({ tokenHash, createdById, createdAt: at });
      return { replaced: replaced.length > 0 || envReplaced };
    }),
};
