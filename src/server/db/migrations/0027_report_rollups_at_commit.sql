-- The report rollups' row triggers (0021-0024) ran inside the statement that changed a row, so
-- the rollup rows they upsert (one per day and agent, per day and handle-time bin, per day and
-- path, per day and SLA state) stayed locked until the transaction ended. Every finish of a day
-- updates the same few rollup rows: on PostgreSQL, finishes in flight queued behind each other for
-- the rest of one another's transactions (a transfer, its history, events, the round trips), a
-- median 13 ms wait in the finish bench at 4 in flight. As constraint triggers deferred to the
-- commit they make the same changes with the same OLD and NEW rows, but take those locks only for
-- the commit itself. The statement-level triggers (filed_transfer) stay immediate: they change
-- consultations, which fires the deferred ones in turn.
DROP TRIGGER "consultations_report_delete" ON "consultations";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "consultations_report_delete" AFTER DELETE ON "consultations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_consultation_row_changed();--> statement-breakpoint
DROP TRIGGER "consultations_report_insert" ON "consultations";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "consultations_report_insert" AFTER INSERT ON "consultations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_consultation_row_changed();--> statement-breakpoint
DROP TRIGGER "consultations_report_update" ON "consultations";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "consultations_report_update" AFTER UPDATE ON "consultations"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((((((((((((((old.started_at IS DISTINCT FROM new.started_at) OR (old.guide_id IS DISTINCT FROM new.guide_id)) OR (old.inquiry_type IS DISTINCT FROM new.inquiry_type)) OR (old.channel IS DISTINCT FROM new.channel)) OR (old.agent_id IS DISTINCT FROM new.agent_id)) OR (old.outcome IS DISTINCT FROM new.outcome)) OR (old.status IS DISTINCT FROM new.status)) OR (old.filed_transfer IS DISTINCT FROM new.filed_transfer)) OR (old.completed_at IS DISTINCT FROM new.completed_at)) OR ((old.caller_index IS NULL) IS DISTINCT FROM (new.caller_index IS NULL))) OR (old.next_contact_at IS DISTINCT FROM new.next_contact_at)) OR (old.script_id IS DISTINCT FROM new.script_id)) OR (old.path IS DISTINCT FROM new.path))) EXECUTE FUNCTION ieum_report_consultation_row_changed();--> statement-breakpoint
DROP TRIGGER "lead_callbacks_activity_delete" ON "lead_callbacks";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "lead_callbacks_activity_delete" AFTER DELETE ON "lead_callbacks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_callback_row_changed();--> statement-breakpoint
DROP TRIGGER "lead_callbacks_activity_insert" ON "lead_callbacks";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "lead_callbacks_activity_insert" AFTER INSERT ON "lead_callbacks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_callback_row_changed();--> statement-breakpoint
DROP TRIGGER "lead_callbacks_activity_update" ON "lead_callbacks";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "lead_callbacks_activity_update" AFTER UPDATE ON "lead_callbacks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((((old.due_at IS DISTINCT FROM new.due_at) OR (old.at IS DISTINCT FROM new.at)) OR (old.outcome IS DISTINCT FROM new.outcome))) EXECUTE FUNCTION ieum_report_callback_row_changed();--> statement-breakpoint
DROP TRIGGER "leads_activity_delete" ON "leads";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "leads_activity_delete" AFTER DELETE ON "leads"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_lead_row_changed();--> statement-breakpoint
DROP TRIGGER "leads_activity_insert" ON "leads";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "leads_activity_insert" AFTER INSERT ON "leads"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_lead_row_changed();--> statement-breakpoint
DROP TRIGGER "leads_activity_update" ON "leads";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "leads_activity_update" AFTER UPDATE ON "leads"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ((((old.created_at IS DISTINCT FROM new.created_at) OR (old.status IS DISTINCT FROM new.status)) OR (old.callback_due_at IS DISTINCT FROM new.callback_due_at))) EXECUTE FUNCTION ieum_report_lead_row_changed();--> statement-breakpoint
DROP TRIGGER "transfers_activity_delete" ON "transfers";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "transfers_activity_delete" AFTER DELETE ON "transfers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_transfer_row_changed();--> statement-breakpoint
DROP TRIGGER "transfers_activity_insert" ON "transfers";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "transfers_activity_insert" AFTER INSERT ON "transfers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ieum_report_transfer_row_changed();--> statement-breakpoint
DROP TRIGGER "transfers_activity_update" ON "transfers";--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "transfers_activity_update" AFTER UPDATE ON "transfers"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (((((old.created_at IS DISTINCT FROM new.created_at) OR (old.contacted_at IS DISTINCT FROM new.contacted_at)) OR (old.closed_at IS DISTINCT FROM new.closed_at)) OR (old.due_at IS DISTINCT FROM new.due_at))) EXECUTE FUNCTION ieum_report_transfer_row_changed();--> statement-breakpoint
-- The rebuild (npx ieum reports rebuild) as 0024 left it, with the deferred triggers fired first.
CREATE OR REPLACE FUNCTION "ieum_report_rollups_rebuild"()
 RETURNS void
 LANGUAGE plpgsql
AS $function$
DECLARE
  statement text;
BEGIN
  -- The rollups are recomputed below from the base tables: changes this transaction made before,
  -- and the filed_transfer and next_contact_at fixes just below, are counted now rather than on top
  -- of the recomputed rows at the commit.
  SET CONSTRAINTS ALL IMMEDIATE;
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
$function$;
