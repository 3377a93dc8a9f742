import type { LeadStatus } from '../../../domain/lead/leadStatuses.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';

const statusMessages = {
  new: msg('leads.statusNew'),
  'brochure-sent': msg('leads.statusBrochureSent'),
  called: msg('leads.statusCalled'),
  won: msg('leads.statusWon'),
  lost: msg('leads.statusLost'),
} as const satisfies Record<LeadStatus, unknown>;

/** A lead status as people read it, in `locale` (the Korean words are leadStatusLabels'). */
export function wordLeadStatus(locale: Locale, status: LeadStatus): string {
  return translate(locale, statusMessages[status]);
}
