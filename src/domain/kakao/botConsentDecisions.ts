import { callbackConsentReading } from '../consent/callbackConsentReading.ts';
import { consentReading } from '../consent/consentReading.ts';
import type { FlowConsent } from '../flow/summarizeFlow.ts';
import type { Guide } from '../guide/guideSchema.ts';
import type { BotConsent } from './botConversation.ts';

/** A consent decision of the chat, with when the customer gave it. */
export type DatedBotConsent = FlowConsent & { at: string };

/**
 * The consent decisions a chat took, as consent records keep them (the notice as read: id,
 * version, items), oldest first, each once per reading: the first answer on a reading is the one
 * acted on. A decision stored before the items were kept is read as its purpose reads the notice
 * (the whole notice at a script's consent step, the number alone for a callback).
 */
export function botConsentDecisions(guide: Guide, consents: readonly BotConsent[]): DatedBotConsent[] {
  const decisions: DatedBotConsent[] = [];
  for (const consent of consents) {
    const reading = consent.items
      ? consentReading(guide.consentNotice, consent.items)
      : consent.purpose === 'callback'
        ? callbackConsentReading(guide)
        : consentReading(guide.consentNotice);
    if (decisions.some((decision) => decision.noticeId === reading.noticeId)) continue;
    decisions.push({
      noticeId: reading.noticeId,
      noticeVersion: consent.version,
      agreed: consent.agreed,
      items: reading.items,
      at: consent.at,
    });
  }
  return decisions;
}
