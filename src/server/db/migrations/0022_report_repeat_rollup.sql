CREATE TABLE "report_repeat_days" (
	"day" date NOT NULL,
	"completed_on" date,
	"gap_days" integer,
	"completed" integer NOT NULL,
	CONSTRAINT "report_repeat_days_key" UNIQUE NULLS NOT DISTINCT("day","completed_on","gap_days")
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "next_contact_at" timestamp with time zone;--> statement-breakpoint
-- Repeat contact, kept by the database (src/server/db/reportSchema.ts). A consultation's
-- next_contact_at is the start of the next consultation (any status, any agent or channel) of the
-- same caller (blind index), guide and inquiry type after it in (started_at, id) order — what the
-- report's look-ahead found with a window sort over every consultation of the range. It holds no
-- more than caller_index does and is null wherever caller_index is (erased with it).
-- The same for all existing rows, before the triggers below exist (the 0021 triggers ignore it).
UPDATE "consultations" c SET "next_contact_at" = n.next
FROM (
  SELECT id, lead(started_at) OVER (PARTITION BY caller_index, guide_id, inquiry_type ORDER BY started_at, id) AS next
  FROM consultations WHERE caller_index IS NOT NULL AND inquiry_type IS NOT NULL
) n
WHERE c.id = n.id AND n.next IS NOT NULL;--> statement-breakpoint
-- The start of the first consultation after (started, id) in a caller's chain (index
-- consultations_caller_repeat_idx), or null.
CREATE OR REPLACE FUNCTION "ieum_next_contact_after"(caller text, guide text, inquiry integer, started timestamptz, after_id uuid)
  RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT min(f.started_at) FROM consultations f
  WHERE f.caller_index = caller AND f.guide_id = guide AND f.inquiry_type = inquiry
    AND f.started_at >= started AND (f.started_at > started OR f.id > after_id)
$$;--> statement-breakpoint
-- Re-derives next_contact_at of the consultation just before (started, id) in a caller's chain:
-- a consultation entering, leaving or moving in the chain changes only its predecessor's.
CREATE OR REPLACE FUNCTION "ieum_refresh_previous_contact"(caller text, guide text, inquiry integer, started timestamptz, before_id uuid)
  RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  previous_id uuid;
  previous_started timestamptz;
BEGIN
  SELECT p.id, p.started_at INTO previous_id, previous_started FROM consultations p
  WHERE p.caller_index = caller AND p.guide_id = guide AND p.inquiry_type = inquiry
    AND p.started_at <= started AND (p.started_at < started OR p.id < before_id)
  ORDER BY p.started_at DESC, p.id DESC LIMIT 1;
  IF previous_id IS NOT NULL THEN
    UPDATE consultations c
    SET next_contact_at = ieum_next_contact_after(caller, guide, inquiry, previous_started, previous_id)
    WHERE c.id = previous_id
      AND c.next_contact_at IS DISTINCT FROM ieum_next_contact_after(caller, guide, inquiry, previous_started, previous_id);
  END IF;
END
$$;--> statement-breakpoint
-- Before a row enters or moves in a chain: its own next_contact_at (null outside any chain).
CREATE OR REPLACE FUNCTION "ieum_contact_chain_own"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.caller_index IS NULL OR NEW.inquiry_type IS NULL THEN
    NEW.next_contact_at := NULL;
  ELSE
    -- The row's own old version (an UPDATE) is not a later contact of itself.
    SELECT min(f.started_at) INTO NEW.next_contact_at FROM consultations f
    WHERE f.caller_index = NEW.caller_index AND f.guide_id = NEW.guide_id AND f.inquiry_type = NEW.inquiry_type
      AND f.started_at >= NEW.started_at AND (f.started_at > NEW.started_at OR f.id > NEW.id) AND f.id <> NEW.id;
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
-- After: the predecessors of the row's old and new places. Rows written later in the same
-- statement run this too, so a chain written by one bulk statement ends right.
CREATE OR REPLACE FUNCTION "ieum_contact_chain_neighbours"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.caller_index IS NOT NULL AND OLD.inquiry_type IS NOT NULL THEN
    PERFORM ieum_refresh_previous_contact(OLD.caller_index, OLD.guide_id, OLD.inquiry_type, OLD.started_at, OLD.id);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.caller_index IS NOT NULL AND NEW.inquiry_type IS NOT NULL THEN
    PERFORM ieum_refresh_previous_contact(NEW.caller_index, NEW.guide_id, NEW.inquiry_type, NEW.started_at, NEW.id);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultations_contact_chain_insert" BEFORE INSERT ON "consultations"
  FOR EACH ROW WHEN (NEW.next_contact_at IS NOT NULL OR (NEW.caller_index IS NOT NULL AND NEW.inquiry_type IS NOT NULL))
  EXECUTE FUNCTION "ieum_contact_chain_own"();--> statement-breakpoint
CREATE TRIGGER "consultations_contact_chain_update" BEFORE UPDATE ON "consultations"
  FOR EACH ROW WHEN (
    (OLD.caller_index, OLD.guide_id, OLD.inquiry_type, OLD.started_at)
    IS DISTINCT FROM (NEW.caller_index, NEW.guide_id, NEW.inquiry_type, NEW.started_at)
  )
  EXECUTE FUNCTION "ieum_contact_chain_own"();--> statement-breakpoint
CREATE TRIGGER "consultations_contact_neighbours_insert" AFTER INSERT ON "consultations"
  FOR EACH ROW WHEN (NEW.caller_index IS NOT NULL AND NEW.inquiry_type IS NOT NULL)
  EXECUTE FUNCTION "ieum_contact_chain_neighbours"();--> statement-breakpoint
CREATE TRIGGER "consultations_contact_neighbours_update" AFTER UPDATE ON "consultations"
  FOR EACH ROW WHEN (
    (OLD.caller_index, OLD.guide_id, OLD.inquiry_type, OLD.started_at)
    IS DISTINCT FROM (NEW.caller_index, NEW.guide_id, NEW.inquiry_type, NEW.started_at)
  )
  EXECUTE FUNCTION "ieum_contact_chain_neighbours"();--> statement-breakpoint
CREATE TRIGGER "consultations_contact_neighbours_delete" AFTER DELETE ON "consultations"
  FOR EACH ROW WHEN (OLD.caller_index IS NOT NULL AND OLD.inquiry_type IS NOT NULL)
  EXECUTE FUNCTION "ieum_contact_chain_neighbours"();--> statement-breakpoint
-- The repeat rollup: eligible completions (a caller and a type) per start day, completion day and
-- the calendar days from completion to the next contact (0 for a next contact before or on the
-- completion day; null for none or more than 120 days — the longest window, 60 business days,
-- spans fewer: a report whose window would reach further reads consultations instead).
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
      OLD.filed_transfer, OLD.completed_at, OLD.caller_index IS NULL, OLD.next_contact_at)
    IS DISTINCT FROM
    (NEW.started_at, NEW.guide_id, NEW.inquiry_type, NEW.channel, NEW.agent_id, NEW.outcome, NEW.status,
      NEW.filed_transfer, NEW.completed_at, NEW.caller_index IS NULL, NEW.next_contact_at)
  )
  EXECUTE FUNCTION "ieum_report_consultation_row_changed"();--> statement-breakpoint
-- The statement form of the repeat rollup, for the rebuild (as ieum_report_rollups_statements).
CREATE OR REPLACE FUNCTION "ieum_report_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  LOCK TABLE report_consultation_days, report_handle_time_days, report_repeat_days IN EXCLUSIVE MODE;
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
END
$$;--> statement-breakpoint
SELECT "ieum_report_rollups_rebuild"();
