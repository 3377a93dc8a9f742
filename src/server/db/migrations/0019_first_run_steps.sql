CREATE TABLE "first_run_steps" (
	"step" text PRIMARY KEY NOT NULL,
	"skipped_at" timestamp with time zone,
	"skipped_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"test_mail_id" uuid,
	"test_mail_to" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "first_run_steps" ADD CONSTRAINT "first_run_steps_skipped_by_users_id_fk" FOREIGN KEY ("skipped_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "first_run_steps" ADD CONSTRAINT "first_run_steps_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;