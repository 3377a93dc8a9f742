-- A missed call's callback gets a holder: whoever revealed its number to call back, and when, so a
-- colleague sees the customer is being called instead of calling them too. No existing row is held.
ALTER TABLE "calls" ADD COLUMN "callback_taken_by" uuid;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "callback_taken_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_callback_taken_by_users_id_fk" FOREIGN KEY ("callback_taken_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;