-- The report rollups (0020) were kept by statement-level triggers that ran two dynamic statements
-- (EXECUTE: parsed and planned anew each time) on every UPDATE of consultations, whatever it
-- changed — draft saves and activity touches included — which cost a finish about a fifth more CPU.
-- Row-level triggers with static SQL (plans kept by PL/pgSQL) replace them, and an UPDATE fires
-- only when a column the rollups are keyed or measured by changes. Same rows, same counts:
-- ieum_report_rollups_rebuild() and the bulk paths are unchanged.
DROP TRIGGER IF EXISTS "consultations_report_insert" ON "consultations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "consultations_report_update" ON "consultations";--> statement-breakpoint
DROP TRIGGER IF EXISTS "consultations_report_delete" ON "consultations";--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_count_consultation"(c consultations, sign integer) RETURNS void
  LANGUAGE plpgsql AS $$
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
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION "ieum_report_consultation_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM ieum_report_count_consultation(OLD, -1);
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM ieum_report_count_consultation(NEW, 1);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "consultations_report_insert" AFTER INSERT ON "consultations"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_consultation_row_changed"();--> statement-breakpoint
CREATE TRIGGER "consultations_report_update" AFTER UPDATE ON "consultations"
  FOR EACH ROW WHEN (
    (OLD.started_at, OLD.guide_id, OLD.inquiry_type, OLD.channel, OLD.agent_id, OLD.outcome, OLD.status,
      OLD.filed_transfer, OLD.completed_at)
    IS DISTINCT FROM
    (NEW.started_at, NEW.guide_id, NEW.inquiry_type, NEW.channel, NEW.agent_id, NEW.outcome, NEW.status,
      NEW.filed_transfer, NEW.completed_at)
  )
  EXECUTE FUNCTION "ieum_report_consultation_row_changed"();--> statement-breakpoint
CREATE TRIGGER "consultations_report_delete" AFTER DELETE ON "consultations"
  FOR EACH ROW EXECUTE FUNCTION "ieum_report_consultation_row_changed"();
