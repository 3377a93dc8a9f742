ALTER TABLE "consultations" ADD COLUMN "caller_index" text;--> statement-breakpoint
CREATE INDEX "consultations_started_idx" ON "consultations" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "consultations_caller_repeat_idx" ON "consultations" USING btree ("caller_index","guide_id","inquiry_type","started_at") WHERE "consultations"."caller_index" is not null;--> statement-breakpoint
CREATE INDEX "transfers_created_idx" ON "transfers" USING btree ("created_at");