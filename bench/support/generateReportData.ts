import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OpenDatabase } from '../../src/server/db/openDatabase.ts';
import { queryRows } from '../../src/server/db/queryRows.ts';

/** Generates `rows` consultations over 2026 and their transfers, leads and callbacks, in SQL. */
export async function generateReportData(database: OpenDatabase, rows: number): Promise<void> {
  await database.db.transaction(async (db) => {
    // A bulk load, as a restore runs one: the rollup triggers (one call per row) are off and the
    // rollups are rebuilt once at the end, as `ieum reports rebuild` does.
    await db.execute(sql`set local session_replication_role = replica`);
    const agents = await queryRows(
      db,
      sql`insert into users (email, name, role)
      select 'bench-agent-' || i || '@ieum.bench', '상담사 ' || i, 'agent' from generate_series(1, 20) i
      returning id`,
      z.object({ id: z.string() }),
    );
    const agentIds = JSON.stringify(agents.map((agent) => agent.id));
    const callers = Math.max(1, Math.floor(rows / 5));
    await db.execute(sql`
    insert into consultations (agent_id, channel, status, guide_id, guide_version, script_id, inquiry_type,
      path, outcome, caller_index, started_at, completed_at, abandoned_at, last_activity_at)
    select (${agentIds}::jsonb ->> (i % 20)::int)::uuid,
      case when i % 4 = 0 then 'chat' else 'call' end,
      case when i % 10 = 0 then 'abandoned' when i % 97 = 1 then 'open' else 'completed' end,
      -- A caller asks about one type, so their calls can repeat; about 1 in 8 does within the window.
      'business-inquiry', '1', 'q' || (i % 4 + 1), ((abs(hashtext(i::text)) % ${callers}) % 6 + 1)::int,
      case when i % 3 = 0 then '[{"nodeId":"q1-registered","answer":"yes"}]'::jsonb
        else '[{"nodeId":"q1-registered","answer":"no"},{"nodeId":"q1-transfer-inquiry","answer":"next"}]'::jsonb end,
      case when i % 10 = 0 or i % 97 = 1 then null when i % 5 = 2 then 'transfer' when i % 5 = 3 then 'lead'
        else 'support-line' end,
      case when i % 9 = 0 then null else 'bench-caller-' || (abs(hashtext(i::text)) % ${callers}) end,
      s.at,
      case when i % 10 = 0 or i % 97 = 1 then null else s.at + ((i * 37) % 1500 + 40) * interval '1 second' end,
      case when i % 10 = 0 then s.at + interval '2 hours' end,
      s.at
    from generate_series(1::bigint, ${rows}::bigint) i,
      lateral (select timestamptz '2026-01-01 00:00+09' + ((i * 104729) % (365 * 86400)) * interval '1 second' as at) s`);
    // What the repeat-contact triggers keep on each row, set at once while they are off.
    await db.execute(sql`
    update consultations c set next_contact_at = n.next
    from (select id, lead(started_at) over (partition by caller_index, guide_id, inquiry_type order by started_at, id) as next
      from consultations where caller_index is not null and inquiry_type is not null) n
    where c.id = n.id and n.next is not null`);
    await db.execute(sql`
    insert into transfers (number, kind, consultation_id, guide_id, inquiry_type, channel, inquiry, filed_by,
      status, due_at, retry_at, contacted_at, closed_at, created_at)
    select 'B-' || c.id, case when c.outcome = 'lead' then 'lead' else 'transfer' end, c.id, c.guide_id,
      c.inquiry_type, c.channel, '문의', c.agent_id,
      case k when 0 then 'received' when 1 then 'in-progress' when 2 then 'unreachable' when 3 then 'contacted'
        else 'closed' end,
      c.completed_at + interval '20 hours',
      case when k = 2 then c.completed_at + interval '24 hours' end,
      case when k = 3 then c.completed_at + ((k * 7) % 40) * interval '1 hour' end,
      case when k >= 4 then c.completed_at + interval '5 hours' end,
      c.completed_at
    from (select c.*, (extract(epoch from c.started_at)::bigint % 9) as k from consultations c
      where c.status = 'completed' and c.outcome in ('transfer', 'lead')) c`);
    // The flag the transfer triggers keep, set at once too (the rebuild then finds nothing to fix).
    await db.execute(
      sql`update consultations c set filed_transfer = true where c.id in (select consultation_id from transfers)`,
    );
    await db.execute(sql`
    insert into leads (transfer_id, consultation_id, guide_id, status, company_name, contact_name, phone, email,
      guide_version, filed_by, callback_due_at, retention_ends_at, created_at)
    select t.id, t.consultation_id, t.guide_id,
      (array['new', 'brochure-sent', 'called', 'won', 'lost'])[(extract(epoch from t.created_at)::bigint % 5) + 1],
      '벤치상사', 'enc', 'enc', 'enc', '1', t.filed_by,
      case when extract(epoch from t.created_at)::bigint % 5 in (1, 2) then t.created_at + interval '1 day' end,
      t.created_at + interval '3 years', t.created_at
    from transfers t where t.kind = 'lead'`);
    await db.execute(sql`
    insert into lead_callbacks (lead_id, attempt, outcome, due_at, at)
    select l.id, 1,
      (array['reached', 'no-answer', 'wrong-number', 'signed-up', 'not-interested'])[(extract(epoch from l.created_at)::bigint % 5) + 1],
      l.created_at + interval '1 day', l.created_at + interval '25 hours'
    from leads l where extract(epoch from l.created_at)::bigint % 2 = 0`);
  });
  await database.db.execute(sql`select ieum_report_rollups_rebuild()`);
  await database.db.execute(sql`vacuum analyze`);
}
