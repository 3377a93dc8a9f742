CREATE TABLE "kakao_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_index" text NOT NULL,
	"user_key" text NOT NULL,
	"state" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"outcome" text,
	"guide_id" text NOT NULL,
	"inquiry_type" integer,
	"turns" integer DEFAULT 0 NOT NULL,
	"last_request_hash" text,
	"last_response" text,
	"consultation_id" uuid,
	"handoff_open" boolean,
	"claimed_by_id" uuid,
	"claimed_at" timestamp with time zone,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"personal_data_erased_at" timestamp with time zone,
	"retention_ends_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kakao_skill_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"replaced_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "kakao_conversations" ADD CONSTRAINT "kakao_conversations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kakao_conversations" ADD CONSTRAINT "kakao_conversations_claimed_by_id_users_id_fk" FOREIGN KEY ("claimed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kakao_skill_tokens" ADD CONSTRAINT "kakao_skill_tokens_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "kakao_conversations_user_idx" ON "kakao_conversations" USING btree ("user_index","last_activity_at");--> statement-breakpoint
CREATE INDEX "kakao_conversations_activity_idx" ON "kakao_conversations" USING btree ("status","last_activity_at");--> statement-breakpoint
CREATE INDEX "kakao_conversations_consultation_idx" ON "kakao_conversations" USING btree ("consultation_id");