import { redactContactPoints } from '../privacy/redactContactPoints.ts';
import type { BotConversation } from './botConversation.ts';

/**
 * The chat after the customer refused a consent to be contacted (the callback number's, or the
 * sign-up notice's): it keeps none of what that consent covered — no callback number, and no
 * phone number or e-mail address anywhere the customer wrote one before (the 문의 내용 taken
 * ahead of the consent, any message of the transcript), each replaced by a visible mark — so the
 * record, the transcript and the stored chat saved from it hold none for their years of retention.
 */
export function forgetRefusedContact(conversation: BotConversation): BotConversation {
  const { phone: _refused, ...others } = conversation.collected;
  const collected: BotConversation['collected'] = {};
  for (const [key, value] of Object.entries(others) as Array<[keyof typeof others, string]>)
    collected[key] = redactContactPoints(value);
  return {
    ...conversation,
    collected,
    transcript: conversation.transcript.map((turn) =>
      turn.from === 'customer' ? { ...turn, text: redactContactPoints(turn.text) } : turn,
    ),
  };
}
