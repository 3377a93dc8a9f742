CREATE TABLE "brochure_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"content_base64" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lead_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lead_id" uuid NOT NULL,
	"attempt" integer NOT NULL,
	"outcome" text NOT NULL,
	"due_at" timestamp with time zone,
	"retry_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "lead_callbacks_outcome_check" CHECK ("lead_callbacks"."outcome" in ('reached','no-answer','wrong-number','signed-up','not-interested'))
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"transfer_id" uuid NOT NULL,
	"consultation_id" uuid,
	"consent_record_id" uuid,
	"status" text DEFAULT 'new' NOT NULL,
	"company_name" text NOT NULL,
	"contact_name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"phone_index" text,
	"email_index" text,
	"business_number" text,
	"guide_version" text NOT NULL,
	"brochure_email_id" uuid,
	"brochure_sent_at" timestamp with time zone,
	"callback_due_at" timestamp with time zone,
	"callback_attempts" integer DEFAULT 0 NOT NULL,
	"first_called_at" timestamp with time zone,
	"last_outcome" text,
	"closed_at" timestamp with time zone,
	"filed_by" uuid NOT NULL,
	"retention_ends_at" timestamp with time zone NOT NULL,
	"personal_data_erased_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leads_status_check" CHECK ("leads"."status" in ('new','brochure-sent','called','won','lost'))
);
--> statement-breakpoint
ALTER TABLE "brochure_files" ADD CONSTRAINT "brochure_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_callbacks" ADD CONSTRAINT "lead_callbacks_lead_id_leads_id_fk" FOREIGN KEY ("lead_id") REFERENCES "public"."leads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_callbacks" ADD CONSTRAINT "lead_callbacks_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_consent_record_id_consent_records_id_fk" FOREIGN KEY ("consent_record_id") REFERENCES "public"."consent_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_brochure_email_id_email_outbox_id_fk" FOREIGN KEY ("brochure_email_id") REFERENCES "public"."email_outbox"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_filed_by_users_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "brochure_files_uploaded_idx" ON "brochure_files" USING btree ("uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_callbacks_attempt_key" ON "lead_callbacks" USING btree ("lead_id","attempt");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_transfer_key" ON "leads" USING btree ("transfer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "leads_consultation_key" ON "leads" USING btree ("consultation_id") WHERE "leads"."consultation_id" is not null;--> statement-breakpoint
CREATE INDEX "leads_status_callback_idx" ON "leads" USING btree ("status","callback_due_at");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leads_phone_index_idx" ON "leads" USING btree ("phone_index");--> statement-breakpoint
CREATE INDEX "leads_email_index_idx" ON "leads" USING btree ("email_index");--> statement-breakpoint
CREATE INDEX "leads_retention_idx" ON "leads" USING btree ("retention_ends_at") WHERE "leads"."personal_data_erased_at" is null;