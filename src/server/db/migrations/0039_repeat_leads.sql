-- A sign-up lead for a customer who already has an open one (same company and e-mail) is linked to
-- it: repeat_of_lead_id names the open lead (the new one went to its holder and joins its callback),
-- brochure_sent_with_lead_id the earlier lead whose brochure the customer got, so none was queued
-- again. Existing leads were filed before either rule: null.
ALTER TABLE "leads" ADD COLUMN "repeat_of_lead_id" uuid;--> statement-breakpoint
ALTER TABLE "leads" ADD COLUMN "brochure_sent_with_lead_id" uuid;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_repeat_of_lead_id_leads_id_fk" FOREIGN KEY ("repeat_of_lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_brochure_sent_with_lead_id_leads_id_fk" FOREIGN KEY ("brochure_sent_with_lead_id") REFERENCES "public"."leads"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leads_repeat_of_idx" ON "leads" USING btree ("repeat_of_lead_id") WHERE "leads"."repeat_of_lead_id" is not null;--> statement-breakpoint
CREATE INDEX "leads_brochure_sent_with_idx" ON "leads" USING btree ("brochure_sent_with_lead_id") WHERE "leads"."brochure_sent_with_lead_id" is not null;