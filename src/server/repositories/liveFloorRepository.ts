import {
  aliasedTable,
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNull,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { Channel } from '../../contract/common/channelSchema.ts';
import type { BacklogAgeRange } from '../../domain/report/backlogAgeBoundaries.ts';
import type { BacklogAgeBucket } from '../../domain/report/reportFigureIds.ts';
import { kakaoConversations } from '../db/kakaoSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { consultations, users } from '../db/schema.ts';
import { transfers } from '../db/transferSchema.ts';

/** Transfer states still waiting for the customer to be reached (the SLA clock runs). */
const waitingStatuses = ['received', 'in-progress', 'unreachable'] as const;

const assignee = aliasedTable(users, 'assignee');

/** A transfer as the floor names it: workflow columns only, no personal ones. */
const floorTransferColumns = {
  id: transfers.id,
  number: transfers.number,
  kind: transfers.kind,
  guideId: transfers.guideId,
  inquiryType: transfers.inquiryType,
  status: transfers.status,
  createdAt: transfers.createdAt,
  dueAt: transfers.dueAt,
  assigneeId: transfers.assigneeId,
  assigneeName: assignee.name,
};

/** One open transfer's workflow columns and its assignee's name. */
export type FloorTransferRow = {
  id: string;
  number: string;
  kind: 'transfer' | 'lead';
  guideId: string;
  inquiryType: number;
  status: (typeof transfers.$inferSelect)['status'];
  createdAt: Date;
  dueAt: Date;
  assigneeId: string | null;
  assigneeName: string | null;
};

/** Reads for the live floor (GET /api/v1/reports/floor). No personal column is read. */
export const liveFloorRepository = {
  /**
   * Every agent with an open consultation, with their most recently started one, how many they
   * hold open and when they last worked on any of them (a start or a draft save). `excludeEmail`:
   * the chatbot's account, whose open consultations are chats waiting for an agent, not agents at
   * work.
   */
  async agentsOnCall(
    db: Database,
    excludeEmail: string,
  ): Promise<
    Array<{
      agentId: string;
      agentName: string;
      consultationId: string;
      channel: Channel;
      startedAt: Date;
      lastActivityAt: Date;
      openConsultations: number;
    }>
  > {
    const rows = await db
      .select({
        agentId: consultations.agentId,
        agentName: users.name,
        consultationId: consultations.id,
        channel: consultations.channel,
        startedAt: consultations.startedAt,
        lastActivityAt: consultations.lastActivityAt,
      })
      .from(consultations)
      .innerJoin(users, eq(users.id, consultations.agentId))
      .where(
        and(
          eq(consultations.status, 'open'),
          ne(sql`lower(${users.email})`, excludeEmail.toLowerCase()),
          // A disabled account is on no call: what it left open waits to be abandoned.
          isNull(users.disabledAt),
        ),
      )
      .orderBy(desc(consultations.startedAt));
    const byAgent = new Map<string, (typeof rows)[number] & { openConsultations: number }>();
    for (const row of rows) {
      const seen = byAgent.get(row.agentId);
      if (!seen) byAgent.set(row.agentId, { ...row, openConsultations: 1 });
      else {
        seen.openConsultations += 1;
        if (row.lastActivityAt > seen.lastActivityAt) seen.lastActivityAt = row.lastActivityAt;
      }
    }
    return [...byAgent.values()];
  },

  /**
   * Transfers waiting for contact, counted by guide, inquiry type and waiting-age bucket. `ranges`
   * are filing-time ranges (`after < created_at ≤ atOrBefore`, null unbounded, youngest first), so
   * the ages are the caller's business-time arithmetic and the database only compares timestamps.
   */
  async countWaitingByTypeAndAge(
    db: Database,
    ranges: readonly BacklogAgeRange[],
  ): Promise<Array<{ guideId: string; inquiryType: number; bucket: BacklogAgeBucket; count: number }>> {
    const cases = ranges.flatMap((range) =>
      range.after === null
        ? []
        : [sql`when ${transfers.createdAt} > ${range.after.toISOString()}::timestamptz then ${range.bucket}`],
    );
    const oldest = ranges.find((range) => range.after === null);
    const bucketColumn = sql<string>`case ${sql.join(cases, sql` `)} else ${oldest?.bucket ?? null} end`;
    const counted = await db
      .select({
        guideId: transfers.guideId,
        inquiryType: transfers.inquiryType,
        bucket: bucketColumn,
        count: count(),
      })
      .from(transfers)
      .where(inArray(transfers.status, waitingStatuses))
      // By position: the bucket expression carries parameters, and PostgreSQL does not match a
      // GROUP BY expression to the select list's when their parameter numbers differ.
      .groupBy(sql`1`, sql`2`, sql`3`);
    const ids = new Map(ranges.map((range) => [String(range.bucket), range.bucket]));
    return counted.flatMap((row) => {
      const bucket = ids.get(row.bucket);
      return bucket === undefined
        ? []
        : [{ guideId: row.guideId, inquiryType: row.inquiryType, bucket, count: row.count }];
    });
  },

  /** The transfer waiting for contact that was filed first, or null when none waits. */
  async oldestWaiting(db: Database): Promise<FloorTransferRow | null> {
    const [row] = await db
      .select(floorTransferColumns)
      .from(transfers)
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .where(inArray(transfers.status, waitingStatuses))
      .orderBy(asc(transfers.createdAt), asc(transfers.number))
      .limit(1);
    return row ?? null;
  },

  /**
   * Transfers whose due time fell in [from, to] without a contact or close before it: how many, and
   * the first `limit` by due time.
   */
  async breachedBetween(
    db: Database,
    range: { from: Date; to: Date },
    limit: number,
  ): Promise<{ total: number; items: FloorTransferRow[] }> {
    const breached = and(
      gte(transfers.dueAt, range.from),
      lte(transfers.dueAt, range.to),
      or(isNull(transfers.contactedAt), gt(transfers.contactedAt, transfers.dueAt)),
      or(isNull(transfers.closedAt), gt(transfers.closedAt, transfers.dueAt)),
    );
    const [counted] = await db.select({ total: count() }).from(transfers).where(breached);
    const items = await db
      .select(floorTransferColumns)
      .from(transfers)
      .leftJoin(assignee, eq(assignee.id, transfers.assigneeId))
      .where(breached)
      .orderBy(asc(transfers.dueAt), asc(transfers.number))
      .limit(limit);
    return { total: counted?.total ?? 0, items };
  },

  /**
   * KakaoTalk chats the bot handed to agents since `since` that no agent has taken and whose
   * consultation is still open — the console's waiting list — and when the oldest was handed off.
   */
  async waitingChats(db: Database, since: Date): Promise<{ count: number; oldestHandedOffAt: Date | null }> {
    const [row] = await db
      .select({ count: count(), oldest: sql<Date | string | null>`min(${kakaoConversations.endedAt})` })
      .from(kakaoConversations)
      .innerJoin(consultations, eq(consultations.id, kakaoConversations.consultationId))
      .where(
        and(
          eq(kakaoConversations.status, 'handed-off'),
          isNull(kakaoConversations.claimedById),
          eq(consultations.status, 'open'),
          gte(kakaoConversations.endedAt, since),
        ),
      );
    const oldest = row?.oldest ?? null;
    return { count: row?.count ?? 0, oldestHandedOffAt: oldest === null ? null : new Date(oldest) };
  },
};
