ALTER TABLE "consultations" ADD COLUMN "by_bot" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "report_consultation_days" ADD COLUMN "by_bot" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The KakaoTalk chatbot makes its consultation at the conversation's last turn and completes it in
-- the same transaction, so each one it resolves lasted a few milliseconds: counted with the
-- agents', they pulled the handle-time median and p90 to 0 s and mixed the bot into the completed
-- count and the transfer rate supervisors judge agents by. A consultation is the bot's while its
-- agent is the bot's account — the one account with the reserved address kakao-bot@ieum.invalid
-- (KAKAO_BOT_EMAIL, src/server/services/kakao/ensureKakaoBotUser.ts) — and stops being so when an
-- agent picks a handed-off chat up (agent_id changes). by_bot follows agent_id through a trigger,
-- so every writer (the bot, a claim, a bulk load, a restore) keeps it right.
CREATE OR REPLACE FUNCTION "ieum_is_bot_account"(account uuid) RETURNS boolean
  LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN EXISTS (SELECT 1 FROM users u WHERE u.id = account AND u.email = 'kakao-bot@ieum.invalid');
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_consultation_by_bot"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.by_bot := ieum_is_bot_account(NEW.agent_id);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultations_by_bot_insert" BEFORE INSERT ON "consultations"
  FOR EACH ROW EXECUTE FUNCTION "ieum_consultation_by_bot"();--> statement-breakpoint
-- Only a change of agent (or a write of by_bot itself) asks again: a finish or a draft save costs nothing.
CREATE TRIGGER "consultations_by_bot_update" BEFORE UPDATE ON "consultations"
  FOR EACH ROW WHEN (OLD.agent_id IS DISTINCT FROM NEW.agent_id OR OLD.by_bot IS DISTINCT FROM NEW.by_bot)
  EXECUTE FUNCTION "ieum_consultation_by_bot"();--> statement-breakpoint
UPDATE "consultations" SET "by_bot" = true
  WHERE "agent_id" IN (SELECT id FROM users WHERE email = 'kakao-bot@ieum.invalid');--> statement-breakpoint
-- The exact handle times the median, the p90 and the per-path times read are agents' only: the
-- two ordered indexes leave the bot's consultations out (a report for the bot's account alone
-- computes its times from the consultations directly, as any filtered report does).
DROP INDEX IF EXISTS "consultations_handle_by_day_idx";--> statement-breakpoint
CREATE INDEX "consultations_handle_by_day_idx" ON "consultations" USING btree (
  (((started_at AT TIME ZONE 'UTC') + interval '9 hours')::date),
  ((extract(epoch FROM completed_at - started_at))::double precision)
) INCLUDE (started_at, completed_at) WHERE status = 'completed' AND NOT by_bot;--> statement-breakpoint
DROP INDEX IF EXISTS "consultations_path_handle_idx";--> statement-breakpoint
CREATE INDEX "consultations_path_handle_idx" ON "consultations" USING btree (
  path_key, ((extract(epoch FROM completed_at - started_at))::double precision)
) INCLUDE (started_at, completed_at) WHERE status = 'completed' AND NOT by_bot;--> statement-breakpoint
-- One consultation's share of the rollups (0023's, with by_bot): every consultation is counted in
-- report_consultation_days with its by_bot (the bot's line and a report for its account read
-- them); the handle-time, path and repeat rollups, which only unfiltered agents' reports read,
-- count agents' consultations only.
CREATE OR REPLACE FUNCTION "ieum_report_count_consultation"(c consultations, sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  completed_on date;
  gap integer;
BEGIN
  INSERT INTO report_consultation_days AS r
    (day, guide_id, inquiry_type, channel, agent_id, outcome, status, transferred, consultations, by_bot)
  VALUES (((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date, c.guide_id, c.inquiry_type,
    c.channel, c.agent_id, c.outcome, c.status, c.status = 'completed' AND c.filed_transfer, sign, c.by_bot)
  ON CONFLICT ON CONSTRAINT report_consultation_days_key
    DO UPDATE SET consultations = r.consultations + excluded.consultations;
  IF c.by_bot THEN
    RETURN;
  END IF;
  IF c.status = 'completed' AND c.completed_at IS NOT NULL THEN
    INSERT INTO report_handle_time_days AS r (day, bin_floor, bin_width, completed)
    SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date, ieum_handle_bin_floor(s),
      ieum_handle_bin_width(s), sign
    FROM (SELECT (extract(epoch FROM c.completed_at - c.started_at))::double precision AS s) h
    ON CONFLICT ON CONSTRAINT report_handle_time_days_key
      DO UPDATE SET completed = r.completed + excluded.completed;
  END IF;
  IF c.status = 'completed' THEN
    INSERT INTO report_path_days AS r (day, path_key, guide_id, script_id, inquiry_type, outcome, path, completed, timed)
    VALUES (((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date,
      c.path_key, c.guide_id, c.script_id,
      c.inquiry_type, c.outcome, c.path, sign, CASE WHEN c.completed_at IS NOT NULL THEN sign ELSE 0 END)
    ON CONFLICT ON CONSTRAINT report_path_days_key
      DO UPDATE SET completed = r.completed + excluded.completed, timed = r.timed + excluded.timed;
  END IF;
  IF c.status = 'completed' AND c.caller_index IS NOT NULL AND c.inquiry_type IS NOT NULL THEN
    completed_on := ((c.completed_at AT TIME ZONE 'UTC') + interval '9 hours')::date;
    -- greatest() skips nulls: no next contact stays null.
    gap := CASE WHEN c.next_contact_at IS NOT NULL THEN
      greatest(((c.next_contact_at AT TIME ZONE 'UTC') + interval '9 hours')::date - completed_on, 0) END;
    INSERT INTO report_repeat_days AS r (day, completed_on, gap_days, completed)
    VALUES (((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date, completed_on,
      CASE WHEN gap <= 120 THEN gap END, sign)
    ON CONFLICT ON CONSTRAINT report_repeat_days_key
      DO UPDATE SET completed = r.completed + excluded.completed;
  END IF;
END
$$;--> statement-breakpoint
-- The recomputation behind ieum_report_rollups_rebuild() (0024's body, renamed by 0027), with the
-- same rule: every consultation in report_consultation_days with its by_bot, agents' only in the
-- handle-time, repeat and path rollups.
CREATE OR REPLACE FUNCTION "ieum_report_rollups_recompute"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE report_consultation_days, report_handle_time_days, report_repeat_days, report_path_days IN EXCLUSIVE MODE;
  UPDATE consultations c SET filed_transfer = EXISTS (SELECT 1 FROM transfers t WHERE t.consultation_id = c.id)
  WHERE c.filed_transfer <> EXISTS (SELECT 1 FROM transfers t WHERE t.consultation_id = c.id);
  UPDATE consultations c SET next_contact_at = n.next
  FROM (
    SELECT id, CASE WHEN caller_index IS NOT NULL AND inquiry_type IS NOT NULL THEN
      lead(started_at) OVER (PARTITION BY caller_index, guide_id, inquiry_type ORDER BY started_at, id) END AS next
    FROM consultations
  ) n
  WHERE c.id = n.id AND c.next_contact_at IS DISTINCT FROM n.next;
  DELETE FROM report_consultation_days;
  DELETE FROM report_handle_time_days;
  DELETE FROM report_repeat_days;
  DELETE FROM report_path_days;
  INSERT INTO report_consultation_days
    (day, guide_id, inquiry_type, channel, agent_id, outcome, status, transferred, consultations, by_bot)
  SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date, c.guide_id, c.inquiry_type, c.channel,
    c.agent_id, c.outcome, c.status, c.status = 'completed' AND c.filed_transfer, count(*), bool_or(c.by_bot)
  FROM consultations c
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
  INSERT INTO report_handle_time_days (day, bin_floor, bin_width, completed)
  SELECT h.day, ieum_handle_bin_floor(h.s), ieum_handle_bin_width(h.s), count(*)
  FROM (
    SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS day,
      (extract(epoch FROM c.completed_at - c.started_at))::double precision AS s
    FROM consultations c WHERE c.status = 'completed' AND c.completed_at IS NOT NULL AND NOT c.by_bot
  ) h
  GROUP BY 1, 2, 3;
  INSERT INTO report_repeat_days (day, completed_on, gap_days, completed)
  SELECT x.day, x.completed_on, CASE WHEN x.gap <= 120 THEN x.gap END, count(*)
  FROM (
    SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS day,
      ((c.completed_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS completed_on,
      CASE WHEN c.next_contact_at IS NOT NULL THEN greatest(((c.next_contact_at AT TIME ZONE 'UTC') + interval '9 hours')::date
        - ((c.completed_at AT TIME ZONE 'UTC') + interval '9 hours')::date, 0) END AS gap
    FROM consultations c
    WHERE c.status = 'completed' AND c.caller_index IS NOT NULL AND c.inquiry_type IS NOT NULL AND NOT c.by_bot
  ) x
  GROUP BY 1, 2, 3;
  INSERT INTO report_path_days (day, path_key, guide_id, script_id, inquiry_type, outcome, path, completed, timed)
  SELECT x.day, x.path_key, min(x.guide_id), min(x.script_id), min(x.inquiry_type), min(x.outcome),
    (array_agg(x.path))[1], count(*), count(x.completed_at)
  FROM (
    SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS day,
      c.path_key,
      c.guide_id, c.script_id, c.inquiry_type, c.outcome, c.path, c.completed_at
    FROM consultations c WHERE c.status = 'completed' AND NOT c.by_bot
  ) x
  GROUP BY 1, 2;
  PERFORM ieum_report_activity_rebuild();
END
$$;--> statement-breakpoint
SELECT "ieum_report_rollups_rebuild"();
--> statement-breakpoint
-- The bot's line counts its conversations by start over a report's range.
CREATE INDEX IF NOT EXISTS "kakao_conversations_started_idx" ON "kakao_conversations" USING btree ("started_at");
