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
-- The rebuild (npx ieum reports rebuild, 0024's) recomputes the rollups from the base tables: the
-- deferred triggers of changes this transaction made before it, and of its own filed_transfer and
-- next_contact_at fixes, must fire first, or they would count again on top of it at the commit.
-- The recomputation keeps its body under a new name (a later change to it replaces that one).
ALTER FUNCTION "ieum_report_rollups_rebuild"() RENAME TO "ieum_report_rollups_recompute";--> statement-breakpoint
CREATE FUNCTION "ieum_report_rollups_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  SET CONSTRAINTS ALL IMMEDIATE;
  PERFORM "ieum_report_rollups_recompute"();
END
$$;
