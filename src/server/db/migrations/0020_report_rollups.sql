CREATE TABLE "report_consultation_days" (
	"day" date NOT NULL,
	"guide_id" text NOT NULL,
	"inquiry_type" integer,
	"channel" text NOT NULL,
	"agent_id" uuid NOT NULL,
	"outcome" text,
	"status" text NOT NULL,
	"transferred" boolean NOT NULL,
	"consultations" integer NOT NULL,
	CONSTRAINT "report_consultation_days_key" UNIQUE NULLS NOT DISTINCT("day","guide_id","inquiry_type","channel","agent_id","outcome","status","transferred")
);
--> statement-breakpoint
CREATE TABLE "report_handle_time_days" (
	"day" date NOT NULL,
	"bin_floor" double precision NOT NULL,
	"bin_width" double precision NOT NULL,
	"completed" integer NOT NULL,
	CONSTRAINT "report_handle_time_days_key" UNIQUE("day","bin_floor")
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "filed_transfer" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Report rollups (src/server/db/reportSchema.ts). Everything below is derived from consultations
-- and transfers by triggers in the writing transaction, and rebuilt by ieum_report_rollups_rebuild()
-- (`npx ieum reports rebuild`). No personal column is read or kept.
--
-- A handle-time bin: 1 s under a minute, 10 s under 10 minutes, 60 s under an hour, 10 minutes
-- under 10 hours, then hours. The floor is a whole multiple of the width at or below the value,
-- corrected for floating-point division so that floor <= s < floor + width always holds: the
-- percentile lookup reads the values of a bin by exactly that range.
CREATE OR REPLACE FUNCTION "ieum_handle_bin_width"(s double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s < 60 THEN 1 WHEN s < 600 THEN 10 WHEN s < 3600 THEN 60 WHEN s < 36000 THEN 600 ELSE 3600 END::double precision
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_handle_bin_floor"(s double precision) RETURNS double precision
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN f > s THEN f - w WHEN s >= f + w THEN f + w ELSE f END
  FROM (SELECT floor(s / w) * w AS f, w FROM (SELECT "ieum_handle_bin_width"(s) AS w) w) x
$$;--> statement-breakpoint
-- The exact values of one day's bin, in order, for the median and p90 (and every per-day series point).
CREATE INDEX "consultations_handle_by_day_idx" ON "consultations" USING btree (
  (((started_at AT TIME ZONE 'UTC') + interval '9 hours')::date),
  ((extract(epoch FROM completed_at - started_at))::double precision)
) WHERE status = 'completed';--> statement-breakpoint
-- The statements that add (sign 1) or remove (sign -1) the consultations of `source` (rows of
-- consultations with a `sign` column) to or from both rollups; rows whose contributions cancel out
-- write nothing. Returned as text for the trigger function to EXECUTE: transition tables are
-- visible only to the trigger function's own statements.
CREATE OR REPLACE FUNCTION "ieum_report_rollups_statements"(source text) RETURNS text[]
  LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[format($q$
    INSERT INTO report_consultation_days AS r
      (day, guide_id, inquiry_type, channel, agent_id, outcome, status, transferred, consultations)
    SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date, c.guide_id, c.inquiry_type, c.channel,
      c.agent_id, c.outcome, c.status, c.status = 'completed' AND c.filed_transfer, sum(c.sign)
    FROM (%s) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(c.sign) <> 0
    ON CONFLICT ON CONSTRAINT report_consultation_days_key
      DO UPDATE SET consultations = r.consultations + excluded.consultations$q$, source),
  format($q$
    INSERT INTO report_handle_time_days AS r (day, bin_floor, bin_width, completed)
    SELECT h.day, ieum_handle_bin_floor(h.s), ieum_handle_bin_width(h.s), sum(h.sign)
    FROM (
      SELECT ((c.started_at AT TIME ZONE 'UTC') + interval '9 hours')::date AS day,
        (extract(epoch FROM c.completed_at - c.started_at))::double precision AS s, c.sign
      FROM (%s) c WHERE c.status = 'completed' AND c.completed_at IS NOT NULL
    ) h
    GROUP BY 1, 2, 3
    HAVING sum(h.sign) <> 0
    ON CONFLICT ON CONSTRAINT report_handle_time_days_key
      DO UPDATE SET completed = r.completed + excluded.completed$q$, source)]
$$;--> statement-breakpoint
-- Statement triggers with transition tables: a bulk write is one aggregate, and an UPDATE that
-- changes nothing the rollups key on (a draft save) cancels out and writes nothing.
CREATE OR REPLACE FUNCTION "ieum_report_consultations_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY ieum_report_rollups_statements(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.*, 1 AS sign FROM new_rows n'
    WHEN 'DELETE' THEN 'SELECT o.*, -1 AS sign FROM old_rows o'
    ELSE 'SELECT n.*, 1 AS sign FROM new_rows n UNION ALL SELECT o.*, -1 AS sign FROM old_rows o' END)
  LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultations_report_insert" AFTER INSERT ON "consultations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ieum_report_consultations_changed"();--> statement-breakpoint
CREATE TRIGGER "consultations_report_update" AFTER UPDATE ON "consultations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ieum_report_consultations_changed"();--> statement-breakpoint
CREATE TRIGGER "consultations_report_delete" AFTER DELETE ON "consultations"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ieum_report_consultations_changed"();--> statement-breakpoint
-- A transfer filed from (or detached from) a consultation sets its filed_transfer, an UPDATE the
-- trigger above turns into the rollup change: whichever of the two rows is written first, or both
-- in one statement, the consultation row is the one source.
CREATE OR REPLACE FUNCTION "ieum_report_transfers_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE consultations c SET filed_transfer = true
    WHERE c.id IN (SELECT consultation_id FROM new_rows) AND NOT c.filed_transfer;
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE consultations c SET filed_transfer = false
    WHERE c.id IN (SELECT consultation_id FROM old_rows) AND c.filed_transfer
      AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.consultation_id = c.id);
  ELSE
    -- Only a changed consultation_id matters (set null when its consultation is deleted).
    UPDATE consultations c SET filed_transfer = false
    WHERE c.id IN (SELECT consultation_id FROM old_rows EXCEPT SELECT consultation_id FROM new_rows)
      AND c.filed_transfer AND NOT EXISTS (SELECT 1 FROM transfers t WHERE t.consultation_id = c.id);
    UPDATE consultations c SET filed_transfer = true
    WHERE c.id IN (SELECT consultation_id FROM new_rows EXCEPT SELECT consultation_id FROM old_rows)
      AND NOT c.filed_transfer;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "transfers_report_insert" AFTER INSERT ON "transfers"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ieum_report_transfers_changed"();--> statement-breakpoint
CREATE TRIGGER "transfers_report_update" AFTER UPDATE ON "transfers"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ieum_report_transfers_changed"();--> statement-breakpoint
CREATE TRIGGER "transfers_report_delete" AFTER DELETE ON "transfers"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ieum_report_transfers_changed"();--> statement-breakpoint
-- Recomputes both rollups and every filed_transfer from the base tables (the migration's backfill,
-- `npx ieum reports rebuild`). Runs in the caller's transaction; locks the rollups meanwhile.
CREATE OR REPLACE FUNCTION "ieum_report_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  LOCK TABLE report_consultation_days, report_handle_time_days IN EXCLUSIVE MODE;
  UPDATE consultations c SET filed_transfer = EXISTS (SELECT 1 FROM transfers t WHERE t.consultation_id = c.id)
  WHERE c.filed_transfer <> EXISTS (SELECT 1 FROM transfers t WHERE t.consultation_id = c.id);
  DELETE FROM report_consultation_days;
  DELETE FROM report_handle_time_days;
  FOREACH statement IN ARRAY ieum_report_rollups_statements('SELECT c.*, 1 AS sign FROM consultations c') LOOP
    EXECUTE statement;
  END LOOP;
END
$$;--> statement-breakpoint
SELECT "ieum_report_rollups_rebuild"();
