import type { CallbackOutcome } from '../../../domain/lead/leadStatuses.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';

const outcomeMessages = {
  reached: msg('leads.callbackOutcomeReached'),
  'no-answer': msg('leads.callbackOutcomeNoAnswer'),
  'wrong-number': msg('leads.callbackOutcomeWrongNumber'),
  'signed-up': msg('leads.callbackOutcomeSignedUp'),
  'not-interested': msg('leads.callbackOutcomeNotInterested'),
} as const satisfies Record<CallbackOutcome, unknown>;

/** A callback attempt's outcome as people read it, in `locale` (the Korean words are callbackOutcomeLabels'). */
export function wordCallbackOutcome(locale: Locale, outcome: CallbackOutcome): string {
  return translate(locale, outcomeMessages[outcome]);
}
