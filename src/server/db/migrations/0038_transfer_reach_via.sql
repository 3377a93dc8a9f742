-- A transfer may be a callback to the contact registered for the business account (the guide's
-- "카카오 T 앱 내의 등록된 연락처로"): then no number was collected on the call. Existing transfers
-- were all filed with a phone or an e-mail: null.
ALTER TABLE "transfers" ADD COLUMN "reach_via" text;
