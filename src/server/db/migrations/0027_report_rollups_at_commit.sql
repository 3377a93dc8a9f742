-- The report rollups' row triggers (0021-0024) ran inside the statement that changed a row, so
-- the rollup rows they upsert (one per day and agent, per day and handle-time bin, per day and
-- path, per day and SLA state) stayed locked until the transaction ended. Every finish of a day
-- updates the same few rollup rows: on PostgreSQL, finishes in flight queued behind each other for
-- the rest of one another's transactions (a transfer, its history, events, the round trips), a
-- median 13 ms wait in the finish bench at 4 in flight. As constraint triggers deferred to the
-- commit they make the same changes with the same OLD and NEW rows, but take those locks only for
-- the commit itself. The statement-level triggers (filed_transfer) stay immediate: they change
-- consultations, which fires the deferred ones in turn.
-- Each trigger is re-created from its own definition, so its event and WHEN clause stay exactly
-- as 0021-0024 wrote them; only CONSTRAINT and DEFERRABLE INITIALLY DEFERRED are added.
DO $$
DECLARE
  names text[] := ARRAY[
    'consultations_report_insert', 'consultations_report_update', 'consultations_report_delete',
    'transfers_activity_insert', 'transfers_activity_update', 'transfers_activity_delete',
    'leads_activity_insert', 'leads_activity_update', 'leads_activity_delete',
    'lead_callbacks_activity_insert', 'lead_callbacks_activity_update', 'lead_callbacks_activity_delete'];
  t record;
  deferred text;
  done integer := 0;
BEGIN
  FOR t IN
    SELECT tgname, tgrelid::regclass AS tbl, pg_get_triggerdef(oid) AS def
    FROM pg_trigger WHERE NOT tgisinternal AND tgname = ANY (names)
  LOOP
    deferred := regexp_replace(t.def, '^CREATE TRIGGER (\S+) (AFTER .+ ON \S+) FOR EACH ROW ',
      'CREATE CONSTRAINT TRIGGER \1 \2 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW ');
    IF deferred = t.def THEN
      RAISE EXCEPTION 'trigger % is not an AFTER row trigger: %', t.tgname, t.def;
    END IF;
    EXECUTE format('DROP TRIGGER %I ON %s', t.tgname, t.tbl);
    EXECUTE deferred;
    done := done + 1;
  END LOOP;
  IF done <> cardinality(names) THEN
    RAISE EXCEPTION 'expected % report triggers, found %', cardinality(names), done;
  END IF;
END
$$;--> statement-breakpoint
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
