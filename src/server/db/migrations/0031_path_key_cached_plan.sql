-- A consultation's path_key (0023) is a stored generated column, so every statement that writes
-- consultations (a start, a draft save, a finish, the transfer's filed_transfer) prepares its
-- expression again. ieum_path_key was a SQL function: PostgreSQL parsed its body to try to inline
-- it (which fails: json_build_array is only STABLE) and then, before PostgreSQL 18, parsed and
-- planned the body again to call it — perf on the finish bench on PostgreSQL 15 put the two at
-- about 8% of the database's CPU for a finish. As PL/pgSQL the body's plan is kept for the
-- session (as 0028 did for the trigger helpers). Same expression, so the same key for every row:
-- no stored value changes.
CREATE OR REPLACE FUNCTION "ieum_path_key"(guide text, script text, inquiry integer, outcome text, path jsonb)
  RETURNS text LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN md5(json_build_array(guide, script, inquiry, outcome, path)::text);
END
$$;
