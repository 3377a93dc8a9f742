import type { CallbackOutcome, LeadStatus } from '../../../domain/lead/leadStatuses.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';

/** The message naming each lead state, on the queue, the drawer and the funnel. */
export const leadStatusMessageKeys: Record<LeadStatus, MessageKey> = {
  new: 'leads.status.new',
  'brochure-sent': 'leads.status.brochure-sent',
  called: 'leads.status.called',
  won: 'leads.status.won',
  lost: 'leads.status.lost',
};

/** The message naming each callback outcome. */
export const callbackOutcomeMessageKeys: Record<CallbackOutcome, MessageKey> = {
  reached: 'leads.outcome.reached',
  'no-answer': 'leads.outcome.no-answer',
  'wrong-number': 'leads.outcome.wrong-number',
  'signed-up': 'leads.outcome.signed-up',
  'not-interested': 'leads.outcome.not-interested',
};
