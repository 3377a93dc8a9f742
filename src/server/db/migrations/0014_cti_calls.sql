CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"token_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"from_number" text,
	"to_number" text,
	"customer_number" text,
	"customer_index" text,
	"queue" text,
	"ringing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text DEFAULT 'ringing' NOT NULL,
	"answering_number" text,
	"agent_id" uuid,
	"consultation_id" uuid,
	"cause" text,
	"started_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"callback_status" text,
	"callback_due_at" timestamp with time zone,
	"callback_done_at" timestamp with time zone,
	"callback_done_by" uuid,
	"retention_ends_at" timestamp with time zone NOT NULL,
	"personal_data_erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_direction_check" CHECK ("calls"."direction" in ('in','out')),
	CONSTRAINT "calls_state_check" CHECK ("calls"."state" in ('ringing','answered','missed','ended'))
);
--> statement-breakpoint
CREATE TABLE "cti_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "cti_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "consultations" ADD COLUMN "directory_matched" boolean;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "extension" text;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_token_id_cti_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."cti_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_callback_done_by_users_id_fk" FOREIGN KEY ("callback_done_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cti_tokens" ADD CONSTRAINT "cti_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calls_token_external_key" ON "calls" USING btree ("token_id","external_id");--> statement-breakpoint
CREATE INDEX "calls_customer_index_idx" ON "calls" USING btree ("customer_index");--> statement-breakpoint
CREATE INDEX "calls_callback_idx" ON "calls" USING btree ("callback_status","callback_due_at") WHERE "calls"."callback_status" is not null;--> statement-breakpoint
CREATE INDEX "calls_retention_idx" ON "calls" USING btree ("retention_ends_at") WHERE "calls"."personal_data_erased_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "users_extension_key" ON "users" USING btree ("extension");