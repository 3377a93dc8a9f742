/** A button under the last bubble that sends its text as the customer's next utterance. */
export type BotQuickReply = { label: string; messageText: string };

/**
 * What the bot says back, before it is put in Kakao's format: bubbles of text, the quick replies
 * offered, and, when the chat goes to a person, the card with Kakao's 상담직원 연결 (operator) button.
 */
export type BotReply = {
  texts: string[];
  quickReplies: BotQuickReply[];
  operator: { title: string; description: string; label: string } | null;
};
