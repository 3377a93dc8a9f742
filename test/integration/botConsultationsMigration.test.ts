import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { queryRows } from '../../src/server/db/queryRows.ts';
import { migrationsBefore, upgradeBackends } from '../helpers/migrationUpgrade.ts';

const agent = '00000000-0000-4000-8000-000000000001';
const bot = '00000000-0000-4000-8000-000000000002';

// Consultations as the release before wrote them: an agent's 5-minute call, and two the chatbot
// saved at its conversations' last turn (4 ms each), one of them handed to the agent since.
const oldRows = `
  insert into users (id, email, name, role) values
    ('${agent}', 'kim@ieum.test', '김상담', 'agent'),
    ('${bot}', 'kakao-bot@ieum.invalid', '카카오톡 챗봇', 'agent');
  insert into consultations (id, agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type, path,
      outcome, started_at, completed_at, last_activity_at)
    values
      ('00000000-0000-4000-8000-000000000101', '${agent}', 'call', 'completed', 'business-inquiry', '1', 'q1', 1,
       '[{"nodeId":"q1-ask","answer":"yes"}]', 'support-line', '2026-12-01T10:00:00+09:00',
       '2026-12-01T10:05:00+09:00', '2026-12-01T10:00:00+09:00'),
      ('00000000-0000-4000-8000-000000000102', '${bot}', 'chat', 'completed', 'business-inquiry', '1', 'q1', 1,
       '[{"nodeId":"q1-ask","answer":"yes"}]', 'support-line', '2026-12-01T11:00:00+09:00',
       '2026-12-01T11:00:00.004+09:00', '2026-12-01T11:00:00+09:00'),
      ('00000000-0000-4000-8000-000000000103', '${bot}', 'chat', 'completed', 'business-inquiry', '1', 'q1', 1,
       '[{"nodeId":"q1-ask","answer":"yes"}]', 'support-line', '2026-12-01T12:00:00+09:00',
       '2026-12-01T12:00:00.004+09:00', '2026-12-01T12:00:00+09:00');
`;

const backends = upgradeBackends(oldRows);

describe.each(backends)('migration report_bot_consultations on existing data, $name', (backend) => {
  const folder = migrationsBefore('_report_bot_consultations');
  afterAll(() => folder.remove());

  it("marks the chatbot's consultations, rebuilds the rollups without them in the agents' handle times, and follows a later change of agent", async () => {
    const upgraded = await backend.upgrade(folder.dir);
    try {
      const db = upgraded.database.db;
      const flags = () =>
        queryRows(
          db,
          sql`select id, by_bot from consultations order by id`,
          z.object({ id: z.string(), by_bot: z.boolean() }),
        );
      expect((await flags()).map((row) => row.by_bot)).toEqual([false, true, true]);
      const rollups = () =>
        queryRows(
          db,
          sql`select (select coalesce(sum(completed), 0) from report_handle_time_days) as timed,
            (select coalesce(sum(completed), 0) from report_path_days) as paths,
            (select coalesce(sum(consultations), 0) from report_consultation_days where by_bot) as bot,
            (select coalesce(sum(consultations), 0) from report_consultation_days where not by_bot) as people`,
          z.object({
            timed: z.coerce.number(),
            paths: z.coerce.number(),
            bot: z.coerce.number(),
            people: z.coerce.number(),
          }),
        );
      expect(await rollups()).toEqual([{ timed: 1, paths: 1, bot: 2, people: 1 }]);
      // An agent picks one of the bot's chats up: it becomes agents' work, in the rollups at once.
      await db.execute(sql`update consultations set agent_id = ${agent}::uuid
        where id = '00000000-0000-4000-8000-000000000103'`);
      expect((await flags()).map((row) => row.by_bot)).toEqual([false, true, false]);
      expect(await rollups()).toEqual([{ timed: 2, paths: 2, bot: 1, people: 2 }]);
    } finally {
      await upgraded.close();
    }
  });
});
