ALTER TABLE "audit_events" ADD COLUMN "chain_version" integer;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "chain_key_id" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "reason_digest" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "reason_redacted_at" timestamp with time zone;--> statement-breakpoint
-- Reasons are encrypted and may be redacted (data-subject delete) or re-encrypted (key rotation):
-- an UPDATE that changes nothing but reason and reason_redacted_at is allowed in a transaction that
-- sets ieum.audit_reason_update (set_config(…, true)). The keyed chain covers the reason's digest,
-- not its text, so such an update never breaks it; any other UPDATE is still refused.
CREATE OR REPLACE FUNCTION "ieum_audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('ieum.audit_purge', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND coalesce(current_setting('ieum.audit_reason_update', true), '') = 'on'
     AND (to_jsonb(NEW) - 'reason' - 'reason_redacted_at') = (to_jsonb(OLD) - 'reason' - 'reason_redacted_at') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
