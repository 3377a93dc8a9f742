ALTER TABLE "consultations" DROP CONSTRAINT "consultations_status_check";--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "draft" text;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "draft_revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "draft_saved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "abandoned_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "consultations_open_activity_idx" ON "consultations" USING btree ("last_activity_at") WHERE "consultations"."status" = 'open';--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_status_check" CHECK ("consultations"."status" in ('open','completed','abandoned'));--> statement-breakpoint
UPDATE "consultations" SET "last_activity_at" = coalesce("draft_saved_at", "started_at");
