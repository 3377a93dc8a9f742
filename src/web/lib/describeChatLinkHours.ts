import type { StepView } from '../../domain/flow/describeStep.ts';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import type { Translate } from '../i18n/useT.ts';

/** Whether the chat is answered, as far as the call knows it. */
export type ChatLinkHoursFacts = {
  /** The business-hours step's decision on this path (null on a path without one). */
  routing: StepView['routing'];
  /** The support line's live hours (null while unknown). */
  hoursOpen: boolean | null;
};

/**
 * The note beside the chat-link message while the chat is not answered: "채팅 운영시간 외 — 평일
 * 09:00~18:00에 답변", or null while it is (or nobody knows). The message is still offered — the
 * guide offers it "필요 시" and the customer may use the link later — but the agent should not
 * promise an answer now. The chat keeps the support line's hours (the guide's message says so), so
 * the hours are the guide's `supportLine.hours`, the ones the business-hours step decides on; the
 * step's own decision comes first (what the call was routed by), the live hours on a path without
 * one (Q1's unregistered caller goes straight to the transfer).
 */
export function describeChatLinkHours(
  hours: Guide['supportLine']['hours'],
  facts: ChatLinkHoursFacts,
  t: Translate,
): string | null {
  const open = facts.routing ? facts.routing.open : facts.hoursOpen;
  if (open !== false) return null;
  return t('console.chatLink.closedNote', {
    days: t(`hours.days.${hours.days}`),
    opens: hours.opens,
    closes: hours.closes,
  });
}
