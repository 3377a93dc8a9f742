/**
 * How far back handed-off KakaoTalk chats are listed: the console's waiting list and the live
 * floor's waiting figure count the same chats.
 */
export const HANDOFF_LISTED_MS = 24 * 60 * 60_000;
