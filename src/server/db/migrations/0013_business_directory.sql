CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"biz_no" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"search_choseong" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"inactive_since" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "companies_biz_no_check" CHECK ("companies"."biz_no" ~ '^[0-9]{10}$'),
	CONSTRAINT "companies_status_check" CHECK ("companies"."status" in ('active','inactive'))
);
--> statement-breakpoint
CREATE TABLE "company_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"company_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"phones" text NOT NULL,
	"emails" text NOT NULL,
	"contact_index" text[],
	"name_index" text,
	"name_choseong_index" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_contacts_role_check" CHECK ("company_contacts"."role" in ('manager','operator'))
);
--> statement-breakpoint
ALTER TABLE "company_contacts" ADD CONSTRAINT "company_contacts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_biz_no_key" ON "companies" USING btree ("biz_no");--> statement-breakpoint
CREATE INDEX "companies_search_name_idx" ON "companies" USING btree ("search_name");--> statement-breakpoint
CREATE INDEX "company_contacts_company_idx" ON "company_contacts" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "company_contacts_contact_index_idx" ON "company_contacts" USING gin ("contact_index");--> statement-breakpoint
CREATE INDEX "company_contacts_name_index_idx" ON "company_contacts" USING btree ("name_index");--> statement-breakpoint
CREATE INDEX "company_contacts_name_choseong_index_idx" ON "company_contacts" USING btree ("name_choseong_index");