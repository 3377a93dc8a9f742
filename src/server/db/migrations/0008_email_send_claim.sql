ALTER TABLE "email_outbox" ADD COLUMN "send_claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "send_claimed_by" text;