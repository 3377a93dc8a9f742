-- A missed call whose number was erased (retention end, data-subject request) used to stay an open
-- callback in 부재중 전화 with no number to call. Erasing a call's number now closes its open
-- callback as 'erased' in the same statement; callbacks erased before are closed the same way.
UPDATE "calls" SET "callback_status" = 'erased'
WHERE "callback_status" = 'open'
  AND "personal_data_erased_at" IS NOT NULL;
