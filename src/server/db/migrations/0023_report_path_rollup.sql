-- Per-path handle time (src/server/db/reportSchema.ts report_path_days). A path's identity —
-- guide, script, type, outcome and answers — hashed to one short key, so a jsonb path never
-- becomes an index or unique key of its own (a long one would not fit a btree entry).
CREATE OR REPLACE FUNCTION "ieum_path_key"(guide text, script text, inquiry integer, outcome text, path jsonb)
  RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT md5(json_build_array(guide, script, inquiry, outcome, path)::text)
$$;--> statement-breakpoint
CREATE TABLE "report_path_days" (
	"day" date NOT NULL,
	"path_key" text NOT NULL,
	"guide_id" text NOT NULL,
	"script_id" text,
	"inquiry_type" integer,
	"outcome" text,
	"path" jsonb NOT NULL,
	"completed" integer NOT NULL,
	"timed" integer NOT NULL,
	CONSTRAINT "report_path_days_key" UNIQUE("day","path_key")
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "path_key" text GENERATED ALWAYS AS (ieum_path_key(guide_id, script_id, inquiry_type, outcome, path)) STORED;--> statement-breakpoint
-- A path's handle times in order, with the start (a report's range) and the completion, so the
-- walk reads the index alone (the seconds expression is computed from the included columns).
CREATE INDEX "consultations_path_handle_idx" ON "consultations" USING btree (
  path_key, ((extract(epoch FROM completed_at - started_at))::double precision)
) INCLUDE (started_at, completed_at) WHERE status = 'completed';--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_count_consultation"(c consultations, sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  completed_on date;
  gap integer;
BEGIN
  INSERT INTO report_consultation_days AS r
    (day, guide_id, inquiry_type, channel, agent_id, outcome, status, transferred, consultations)
  VALUES (((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date, c.guide_id, c.inquiry_type,
    c.channel, c.agent_id, c.outcome, c.status, c.status = 'completed' AND c.filed_transfer, sign)
  ON CONFLICT ON CONSTRAINT report_consultation_days_key
    DO UPDATE SET consultations = r.consultations + excluded.consultations;
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
DROP TRIGGER IF EXISTS "consultations_report_update" ON "consultations";--> statement-breakpoint
CREATE TRIGGER "consultations_report_update" AFTER UPDATE ON "consultations"
  FOR EACH ROW WHEN (
    (OLD.started_at, OLD.guide_id, OLD.inquiry_type, OLD.channel, OLD.agent_id, OLD.outcome, OLD.status,
      OLD.filed_transfer, OLD.completed_at, OLD.caller_index IS NULL, OLD.next_contact_at, OLD.script_id, OLD.path)
    IS DISTINCT FROM
    (NEW.started_at, NEW.guide_id, NEW.inquiry_type, NEW.channel, NEW.agent_id, NEW.outcome, NEW.status,
      NEW.filed_transfer, NEW.completed_at, NEW.caller_index IS NULL, NEW.next_contact_at, NEW.script_id, NEW.path)
  )
  EXECUTE FUNCTION "ieum_report_consultation_row_changed"();--> statement-breakpoint
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
END
$$;--> statement-breakpoint
SELECT "ieum_report_rollups_rebuild"();
