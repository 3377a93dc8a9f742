-- A sign-up lead's callback used to be scheduled only once its brochure e-mail was sent, so a lead
-- whose mail never went (SMTP unset, the mail given up, a guide without the e-mail) had no
-- callback at all and never showed among the callbacks due. Filing now sets one at once. Leads
-- filed before, still waiting with none, get theirs at their filing time: the callback they are
-- owed is due now, and the business calendar the code counts the delay on is not in the database.
UPDATE "leads" SET "callback_due_at" = "created_at"
WHERE "status" = 'new'
  AND "callback_due_at" IS NULL
  AND "brochure_sent_at" IS NULL
  AND "closed_at" IS NULL
  AND "personal_data_erased_at" IS NULL;
