import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import type { RecordPaging, RecordScope, ReportFilter } from './reportRepository.ts';

const count = z.coerce.number().int();

/** How a chatbot conversation ended, as the bot's figures count it. */
export type BotConversationEnd = 'resolved' | 'handed-off';

/**
 * The report's filters on chatbot conversations aliased `k`: guide, type and outcome are the
 * conversation's own; the bot talks on chat only, so another channel finds none; a report for one
 * account finds them only when that account is the bot's (ieum_is_bot_account, migration 0035).
 */
function conversationConditions(filter: ReportFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.guideId !== undefined) conditions.push(sql`k.guide_id = ${filter.guideId}`);
  if (filter.inquiryType !== undefined) conditions.push(sql`k.inquiry_type = ${filter.inquiryType}`);
  if (filter.outcome !== undefined) conditions.push(sql`k.outcome = ${filter.outcome}`);
  if (filter.channel !== undefined && filter.channel !== 'chat') conditions.push(sql`false`);
  if (filter.agentId !== undefined) conditions.push(sql`ieum_is_bot_account(${filter.agentId}::uuid)`);
  return conditions;
}

const all = (conditions: SQL[]): SQL =>
  conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);

/**
 * The KakaoTalk chatbot's work for the reports, from its conversations (kakao_conversations: ids,
 * status, guide, type and times only — nothing personal is read): the line the dashboard shows
 * beside the agents' figures, which leave the bot's own consultations out.
 */
export const reportBotRepository = {
  /** Conversations started in the window that the bot resolved, and those handed off to a person. */
  conversationCounts: async (db: Database, filter: ReportFilter, scope: RecordScope) => {
    const rows = await queryRows(
      db,
      sql`
        select count(*) filter (where k.status = 'resolved') as resolved,
          count(*) filter (where k.status = 'handed-off') as "handedOff"
        from kakao_conversations k
        where k.started_at >= ${scope.start} and k.started_at < ${scope.end}
          and ${all(conversationConditions(filter))}`,
      z.object({ resolved: count, handedOff: count }),
    );
    return rows[0] ?? { resolved: 0, handedOff: 0 };
  },

  /**
   * The consultations those conversations saved or handed over (the records behind a bot figure),
   * newest conversation first, with the total.
   */
  consultationIds: (
    db: Database,
    filter: ReportFilter,
    scope: RecordScope,
    ends: readonly BotConversationEnd[],
    paging: RecordPaging,
  ) =>
    queryRows(
      db,
      sql`
        select k.consultation_id as id, count(*) over () as total
        from kakao_conversations k
        where k.started_at >= ${scope.start} and k.started_at < ${scope.end}
          and k.status in (${sql.join(
            ends.map((end) => sql`${end}`),
            sql`, `,
          )})
          and k.consultation_id is not null
          and ${all(conversationConditions(filter))}
        order by k.started_at desc, k.id
        limit ${paging.limit} offset ${paging.offset}`,
      z.object({ id: z.string(), total: count }),
    ),
};
