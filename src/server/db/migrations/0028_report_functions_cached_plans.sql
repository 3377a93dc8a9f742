-- Three helpers the finish path runs through its triggers were SQL functions that PostgreSQL
-- cannot inline (a FROM clause, an INSERT, an aggregate over a table). Before PostgreSQL 18 such a
-- function's body is parsed and planned again for every statement that calls it: auto_explain in
-- the finish bench on PostgreSQL 15 put the handle-time rollup's INSERT at 0.3-0.4 ms and the
-- activity count at 0.15 ms of every finish, for two one-row upserts. As PL/pgSQL functions their
-- plans are kept for the session (PGlite, PostgreSQL 18, already kept them). Same arguments, same
-- results, same volatility.
--
-- A handle-time bin's floor (0020): the same arithmetic, in variables instead of a FROM clause.
CREATE OR REPLACE FUNCTION "ieum_handle_bin_floor"(s double precision) RETURNS double precision
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  w double precision := "ieum_handle_bin_width"(s);
  f double precision := floor(s / w) * w;
BEGIN
  RETURN CASE WHEN f > s THEN f - w WHEN s >= f + w THEN f + w ELSE f END;
END
$$;--> statement-breakpoint
-- One activity count (0024).
CREATE OR REPLACE FUNCTION "ieum_report_count_activity"(day date, measure text, detail text, sign integer)
  RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_activity_days AS r (day, measure, detail, count) VALUES (day, measure, detail, sign)
  ON CONFLICT ON CONSTRAINT report_activity_days_key DO UPDATE SET count = r.count + excluded.count;
END
$$;--> statement-breakpoint
-- The next contact in a caller's chain (0022), run by the contact-chain triggers when a
-- consultation with a caller enters, leaves or moves in its chain.
CREATE OR REPLACE FUNCTION "ieum_next_contact_after"(caller text, guide text, inquiry integer, started timestamptz, after_id uuid)
  RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT min(f.started_at) FROM consultations f
    WHERE f.caller_index = caller AND f.guide_id = guide AND f.inquiry_type = inquiry
      AND f.started_at >= started AND (f.started_at > started OR f.id > after_id));
END
$$;
