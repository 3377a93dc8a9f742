-- Rotating the KakaoTalk skill token stopped the old one at once, and with it the live chatbot
-- until Open Builder had the new skill URL deployed. A replaced token may now keep working until
-- valid_until (the admin chooses the overlap when rotating; null: stopped when replaced).
ALTER TABLE "kakao_skill_tokens" ADD COLUMN "valid_until" timestamp with time zone;