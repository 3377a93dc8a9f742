CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"consultation_id" uuid NOT NULL,
	"notice_id" text NOT NULL,
	"notice_version" text NOT NULL,
	"notice_text_sha256" text NOT NULL,
	"agreed" boolean NOT NULL,
	"items" jsonb NOT NULL,
	"purpose" text NOT NULL,
	"retention_years" integer NOT NULL,
	"retention_basis" text NOT NULL,
	"retention_ends_at" timestamp with time zone NOT NULL,
	"agent_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "destruction_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" text NOT NULL,
	"reason" text NOT NULL,
	"actor_id" uuid,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "subject_index" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "personal_index" text[];--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "retention_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "personal_data_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consent_records_consultation_notice_key" ON "consent_records" USING btree ("consultation_id","notice_id");--> statement-breakpoint
CREATE INDEX "consent_records_retention_idx" ON "consent_records" USING btree ("retention_ends_at");--> statement-breakpoint
CREATE INDEX "destruction_log_at_idx" ON "destruction_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "destruction_log_record_idx" ON "destruction_log" USING btree ("record_kind","record_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("subject");--> statement-breakpoint
CREATE INDEX "audit_events_subject_index_idx" ON "audit_events" USING btree ("subject_index");--> statement-breakpoint
CREATE INDEX "consultations_personal_index_idx" ON "consultations" USING gin ("personal_index");--> statement-breakpoint
CREATE INDEX "consultations_retention_idx" ON "consultations" USING btree ("retention_ends_at") WHERE "consultations"."personal_data_erased_at" is null;--> statement-breakpoint
-- Consultations written before retention existed count from their completion (or start), 3 years.
UPDATE "consultations" SET "retention_ends_at" = coalesce("completed_at", "started_at") + interval '3 years' WHERE "retention_ends_at" IS NULL;--> statement-breakpoint
-- The access log is append-only: no UPDATE ever, no TRUNCATE, and DELETE only from the retention
-- purge, which sets ieum.audit_purge for its own transaction (set_config(…, true)).
CREATE OR REPLACE FUNCTION "ieum_audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND coalesce(current_setting('ieum.audit_purge', true), '') = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "ieum_audit_events_append_only"();--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "ieum_audit_events_append_only"();
