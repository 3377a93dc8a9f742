-- Channels and inquiry-type bounds are the guide's, checked by the services: the constraints go.
ALTER TABLE "consultations" DROP CONSTRAINT "consultations_channel_check";--> statement-breakpoint
ALTER TABLE "consultations" DROP CONSTRAINT "consultations_inquiry_type_check";--> statement-breakpoint
ALTER TABLE "transfers" DROP CONSTRAINT "transfers_channel_check";--> statement-breakpoint
ALTER TABLE "transfers" DROP CONSTRAINT "transfers_inquiry_type_check";--> statement-breakpoint
-- Transfers, leads and transfer settings name their guide. Rows written before take their
-- consultation's guide; the rest hold '' until the next start assigns them the default guide
-- (src/server/services/guides/assignDefaultGuide.ts), which only the running server knows.
ALTER TABLE "transfers" ADD COLUMN "guide_id" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "transfers" SET "guide_id" = "consultations"."guide_id" FROM "consultations" WHERE "consultations"."id" = "transfers"."consultation_id";--> statement-breakpoint
ALTER TABLE "transfers" ALTER COLUMN "guide_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "guide_id" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "leads" SET "guide_id" = "transfers"."guide_id" FROM "transfers" WHERE "transfers"."id" = "leads"."transfer_id";--> statement-breakpoint
ALTER TABLE "leads" ALTER COLUMN "guide_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "transfer_type_settings" ADD COLUMN "guide_id" text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "transfer_type_settings" ALTER COLUMN "guide_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "transfer_type_settings" DROP CONSTRAINT "transfer_type_settings_pkey";--> statement-breakpoint
ALTER TABLE "transfer_type_settings" ADD CONSTRAINT "transfer_type_settings_guide_id_inquiry_type_pk" PRIMARY KEY("guide_id","inquiry_type");--> statement-breakpoint
ALTER TABLE "transfer_assignees" ADD COLUMN "guide_id" text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE "transfer_assignees" ALTER COLUMN "guide_id" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "transfer_assignees" DROP CONSTRAINT "transfer_assignees_inquiry_type_user_id_pk";--> statement-breakpoint
ALTER TABLE "transfer_assignees" ADD CONSTRAINT "transfer_assignees_guide_id_inquiry_type_user_id_pk" PRIMARY KEY("guide_id","inquiry_type","user_id");
