CREATE TABLE "report_activity_days" (
	"day" date NOT NULL,
	"measure" text NOT NULL,
	"detail" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "report_activity_days_key" UNIQUE("day","measure","detail")
);
--> statement-breakpoint
-- Transfers, leads and callbacks per day (src/server/db/reportSchema.ts report_activity_days): the
-- summary's transfer, lead and callback figures without reading a year of those tables. Row
-- triggers with static SQL, as 0021's; nothing personal is read or kept.
CREATE OR REPLACE FUNCTION "ieum_report_count_activity"(day date, measure text, detail text, sign integer)
  RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_activity_days AS r (day, measure, detail, count) VALUES (day, measure, detail, sign)
  ON CONFLICT ON CONSTRAINT report_activity_days_key DO UPDATE SET count = r.count + excluded.count
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_seoul_date"(at timestamptz) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ((at AT TIME ZONE 'UTC') + interval '9 hours')::date $$;--> statement-breakpoint
-- A transfer's SLA state: first response (the earlier of contact and close) by its due time, after
-- it, or none yet (breached once the due time passes: the detail keeps the due date).
CREATE OR REPLACE FUNCTION "ieum_transfer_sla_detail"(contacted_at timestamptz, closed_at timestamptz, due_at timestamptz)
  RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN least(contacted_at, closed_at) IS NULL THEN 'open:' || to_char(ieum_seoul_date(due_at), 'YYYY-MM-DD')
    WHEN least(contacted_at, closed_at) <= due_at THEN 'met' ELSE 'late' END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_transfer_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM ieum_report_count_activity(ieum_seoul_date(OLD.created_at), 'transfer',
      ieum_transfer_sla_detail(OLD.contacted_at, OLD.closed_at, OLD.due_at), -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM ieum_report_count_activity(ieum_seoul_date(NEW.created_at), 'transfer',
      ieum_transfer_sla_detail(NEW.contacted_at, NEW.closed_at, NEW.due_at), 1);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "transfers_activity_insert" AFTER INSERT ON "transfers"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_transfer_row_changed"();--> statement-breakpoint
CREATE TRIGGER "transfers_activity_update" AFTER UPDATE ON "transfers"
  FOR EACH ROW WHEN (
    (OLD.created_at, OLD.contacted_at, OLD.closed_at, OLD.due_at)
    IS DISTINCT FROM (NEW.created_at, NEW.contacted_at, NEW.closed_at, NEW.due_at)
  )
  EXECUTE FUNCTION "ieum_report_transfer_row_changed"();--> statement-breakpoint
CREATE TRIGGER "transfers_activity_delete" AFTER DELETE ON "transfers"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_transfer_row_changed"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_count_lead"(l leads, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ieum_report_count_activity(ieum_seoul_date(l.created_at), 'lead', l.status, sign);
  IF l.status NOT IN ('won', 'lost') AND l.callback_due_at IS NOT NULL THEN
    PERFORM ieum_report_count_activity(ieum_seoul_date(l.callback_due_at), 'callback.due', 'lead', sign);
  END IF;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_lead_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM ieum_report_count_lead(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM ieum_report_count_lead(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "leads_activity_insert" AFTER INSERT ON "leads"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_lead_row_changed"();--> statement-breakpoint
CREATE TRIGGER "leads_activity_update" AFTER UPDATE ON "leads"
  FOR EACH ROW WHEN (
    (OLD.created_at, OLD.status, OLD.callback_due_at) IS DISTINCT FROM (NEW.created_at, NEW.status, NEW.callback_due_at)
  )
  EXECUTE FUNCTION "ieum_report_lead_row_changed"();--> statement-breakpoint
CREATE TRIGGER "leads_activity_delete" AFTER DELETE ON "leads"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_lead_row_changed"();--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_count_callback"(c lead_callbacks, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF c.due_at IS NOT NULL THEN
    PERFORM ieum_report_count_activity(ieum_seoul_date(c.due_at), 'callback.due', 'attempt', sign);
  END IF;
  PERFORM ieum_report_count_activity(ieum_seoul_date(c.at), 'callback.attempt', c.outcome, sign);
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_callback_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM ieum_report_count_callback(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM ieum_report_count_callback(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "lead_callbacks_activity_insert" AFTER INSERT ON "lead_callbacks"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_callback_row_changed"();--> statement-breakpoint
CREATE TRIGGER "lead_callbacks_activity_update" AFTER UPDATE ON "lead_callbacks"
  FOR EACH ROW WHEN ((OLD.due_at, OLD.at, OLD.outcome) IS DISTINCT FROM (NEW.due_at, NEW.at, NEW.outcome))
  EXECUTE FUNCTION "ieum_report_callback_row_changed"();--> statement-breakpoint
CREATE TRIGGER "lead_callbacks_activity_delete" AFTER DELETE ON "lead_callbacks"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_callback_row_changed"();--> statement-breakpoint
-- Open transfers due today (before now): the part of the breaches the day rollup cannot tell.
CREATE INDEX "transfers_open_due_idx" ON "transfers" USING btree ("due_at", "created_at")
  WHERE contacted_at IS NULL AND closed_at IS NULL;--> statement-breakpoint
-- The backlog counts waiting transfers by filing time.
CREATE INDEX "transfers_waiting_created_idx" ON "transfers" USING btree ("created_at")
  WHERE status IN ('received', 'in-progress', 'unreachable');--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_activity_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE report_activity_days IN EXCLUSIVE MODE;
  DELETE FROM report_activity_days;
  INSERT INTO report_activity_days (day, measure, detail, count)
  SELECT x.day, x.measure, x.detail, count(*) FROM (
    SELECT ieum_seoul_date(t.created_at) AS day, 'transfer' AS measure,
      ieum_transfer_sla_detail(t.contacted_at, t.closed_at, t.due_at) AS detail
    FROM transfers t
    UNION ALL
    SELECT ieum_seoul_date(l.created_at), 'lead', l.status FROM leads l
    UNION ALL
    SELECT ieum_seoul_date(l.callback_due_at), 'callback.due', 'lead' FROM leads l
    WHERE l.status NOT IN ('won', 'lost') AND l.callback_due_at IS NOT NULL
    UNION ALL
    SELECT ieum_seoul_date(c.due_at), 'callback.due', 'attempt' FROM lead_callbacks c WHERE c.due_at IS NOT NULL
    UNION ALL
    SELECT ieum_seoul_date(c.at), 'callback.attempt', c.outcome FROM lead_callbacks c
  ) x
  GROUP BY 1, 2, 3;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  statement text;
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
  FOREACH statement IN ARRAY ieum_report_rollups_statements('SELECT c.*, 1 AS sign FROM consultations c') LOOP
    EXECUTE statement;
  END LOOP;
  INSERT INTO report_repeat_days (day, completed_on, gap_days, completed)
  SELECT x.day, x.completed_on, CASE WHEN x.gap <= 120 THEN x.gap END, count(*)
  FROM (
    SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS day,
      ((c.completed_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS completed_on,
      CASE WHEN c.next_contact_at IS NOT NULL THEN greatest(((c.next_contact_at AT TIME ZONE 'UTC') + interval '9 hours')::date
        - ((c.completed_at AT TIME ZONE 'UTC') + interval '9 hours')::date, 0) END AS gap
    FROM consultations c
    WHERE c.status = 'completed' AND c.caller_index IS NOT NULL AND c.inquiry_type IS NOT NULL
  ) x
  GROUP BY 1, 2, 3;
  INSERT INTO report_path_days (day, path_key, guide_id, script_id, inquiry_type, outcome, path, completed, timed)
  SELECT x.day, x.path_key, min(x.guide_id), min(x.script_id), min(x.inquiry_type), min(x.outcome),
    (array_agg(x.path))[1], count(*), count(x.completed_at)
  FROM (
    SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS day,
      c.path_key,
      c.guide_id, c.script_id, c.inquiry_type, c.outcome, c.path, c.completed_at
    FROM consultations c WHERE c.status = 'completed'
  ) x
  GROUP BY 1, 2;
  PERFORM ieum_report_activity_rebuild();
END
$$;--> statement-breakpoint
SELECT "ieum_report_rollups_rebuild"();
