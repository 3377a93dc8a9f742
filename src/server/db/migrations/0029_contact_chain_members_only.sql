-- The contact-chain triggers (0022) fired on every UPDATE that changed a row's caller index, guide,
-- type or start — also when the row is in no chain before or after (no caller index, or no type:
-- a chat without a user key, a call without caller ID), where they have nothing to do: the
-- BEFORE trigger only set a null next_contact_at to null, the AFTER trigger looked for no
-- neighbours. Completing such a consultation sets its type, so every finish paid both. They now
-- fire only when the old or the new row is in a chain (or, BEFORE, when a stale next_contact_at
-- has to be cleared): the same rows get the same values.
DROP TRIGGER "consultations_contact_chain_update" ON "consultations";--> statement-breakpoint
CREATE TRIGGER "consultations_contact_chain_update" BEFORE UPDATE ON "consultations"
  FOR EACH ROW WHEN (
    (OLD.caller_index, OLD.guide_id, OLD.inquiry_type, OLD.started_at)
    IS DISTINCT FROM (NEW.caller_index, NEW.guide_id, NEW.inquiry_type, NEW.started_at)
    AND ((OLD.caller_index IS NOT NULL AND OLD.inquiry_type IS NOT NULL)
      OR (NEW.caller_index IS NOT NULL AND NEW.inquiry_type IS NOT NULL)
      OR NEW.next_contact_at IS NOT NULL)
  )
  EXECUTE FUNCTION "ieum_contact_chain_own"();--> statement-breakpoint
DROP TRIGGER "consultations_contact_neighbours_update" ON "consultations";--> statement-breakpoint
CREATE TRIGGER "consultations_contact_neighbours_update" AFTER UPDATE ON "consultations"
  FOR EACH ROW WHEN (
    (OLD.caller_index, OLD.guide_id, OLD.inquiry_type, OLD.started_at)
    IS DISTINCT FROM (NEW.caller_index, NEW.guide_id, NEW.inquiry_type, NEW.started_at)
    AND ((OLD.caller_index IS NOT NULL AND OLD.inquiry_type IS NOT NULL)
      OR (NEW.caller_index IS NOT NULL AND NEW.inquiry_type IS NOT NULL))
  )
  EXECUTE FUNCTION "ieum_contact_chain_neighbours"();
