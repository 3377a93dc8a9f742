ALTER TABLE "users" ADD COLUMN "locale_chosen_at" timestamp with time zone;--> statement-breakpoint
-- An account made from now on has not chosen its language until it switches it, sets up in one, or
-- signs in for the first time from a login page in one (which it keeps). The accounts already here
-- keep the language they have: whether a 'ko' was chosen or only the default cannot be told, and
-- an upgrade must not switch anyone's console to another language at their next sign-in.
UPDATE "users" SET "locale_chosen_at" = "created_at";
