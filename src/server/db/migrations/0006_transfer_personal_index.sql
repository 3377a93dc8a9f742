ALTER TABLE "transfers" ADD COLUMN "personal_index" text[];--> statement-breakpoint
CREATE INDEX "transfers_personal_index_idx" ON "transfers" USING gin ("personal_index");