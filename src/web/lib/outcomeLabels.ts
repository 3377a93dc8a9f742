import type { EndOutcome } from '../../domain/guide/guideSchema.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import type { Translate } from '../i18n/useT.ts';

/** The message naming each way a script path ends, for badges and lists. */
export const outcomeMessageKeys: Readonly<Record<EndOutcome, MessageKey>> = {
  'support-line': 'console.outcome.support-line',
  transfer: 'console.outcome.transfer',
  'company-admin': 'console.outcome.company-admin',
  lead: 'console.outcome.lead',
  declined: 'console.outcome.declined',
};

function isEndOutcome(outcome: string): outcome is EndOutcome {
  return Object.hasOwn(outcomeMessageKeys, outcome);
}

/** How a consultation ended, in the UI language; an outcome this build does not know is shown as sent. */
export function describeOutcome(outcome: string, t: Translate): string {
  return isEndOutcome(outcome) ? t(outcomeMessageKeys[outcome]) : outcome;
}
