-- A transfer whose personal data was erased (retention end, data-subject request) used to stay open
-- and overdue in the business queue with nothing to call, and its reveal blamed the retention period
-- whatever the cause. Erasing a transfer now keeps why (personal_data_erased_reason, the destruction
-- log's reason) and closes it if open, with an 'erased' history entry, in the erasure's transaction.
-- Transfers erased before: the reason is read back from the destruction log, and the open ones are
-- closed now the same way (no actor; the entry says from which status). A lead erased with them no
-- longer has a callback due.
ALTER TABLE "transfers" ADD COLUMN "personal_data_erased_reason" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_erased_reason_check" CHECK ("transfers"."personal_data_erased_reason" is null or "transfers"."personal_data_erased_reason" in ('retention-ended','subject-request'));--> statement-breakpoint
UPDATE "transfers" t SET "personal_data_erased_reason" = (
  SELECT d."reason" FROM "destruction_log" d
  WHERE d."record_kind" = 'transfer.personal-data' AND d."record_id" = t."id"::text
  ORDER BY d."id" DESC LIMIT 1
)
WHERE t."personal_data_erased_at" IS NOT NULL;--> statement-breakpoint
WITH "closed" AS (
  UPDATE "transfers" t
  SET "status" = 'closed', "retry_at" = NULL, "closed_at" = now(), "updated_at" = now()
  FROM (
    SELECT "id", "status" FROM "transfers"
    WHERE "personal_data_erased_at" IS NOT NULL AND "status" <> 'closed'
  ) old
  WHERE t."id" = old."id"
  RETURNING t."id", old."status" AS "from_status", t."personal_data_erased_reason" AS "reason"
)
INSERT INTO "transfer_events" ("transfer_id", "actor_id", "action", "detail", "at")
SELECT "id", NULL, 'erased',
  jsonb_strip_nulls(jsonb_build_object('reason', "reason", 'fromStatus', "from_status", 'toStatus', 'closed')),
  now()
FROM "closed";--> statement-breakpoint
UPDATE "leads" SET "callback_due_at" = NULL
WHERE "personal_data_erased_at" IS NOT NULL AND "callback_due_at" IS NOT NULL;
