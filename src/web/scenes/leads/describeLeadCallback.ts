import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { Translate } from '../../i18n/useT.ts';

function hoursAndMinutes(minutes: number, t: Translate): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('transfers.sla.minutes', { minutes: rest });
  return rest === 0
    ? t('transfers.sla.hours', { hours })
    : t('transfers.sla.hoursMinutes', { hours, minutes: rest });
}

/**
 * The callback column: a label for the badge, the time left or past in business time, a tone, and
 * a warning when the brochure the call follows up has not gone out (the caller mentions or resends it).
 */
export type LeadCallbackDescription = {
  label: string;
  detail: string;
  tone: 'none' | 'scheduled' | 'due' | 'overdue';
  brochureNotSent: string | null;
};

/**
 * Where a lead's OB callback stands, in business time (nights, weekends and holidays do not count;
 * the server measures): 예정 with the time left, 콜백 시간 once due, 지연 once overdue by more than
 * the grace hour, or nothing pending (the customer was reached, or the lead is finished); and
 * 소개서 미발송 beside it while the brochure e-mail has not gone out.
 */
export function describeLeadCallback(callback: Lead['callback'], t: Translate): LeadCallbackDescription {
  const brochureNotSent = callback.brochureNotSent ? t('leads.callback.brochureNotSent') : null;
  return { ...describeState(callback, t), brochureNotSent };
}

function describeState(
  callback: Lead['callback'],
  t: Translate,
): Omit<LeadCallbackDescription, 'brochureNotSent'> {
  const minutes = callback.businessMinutesLeft ?? 0;
  switch (callback.state) {
    case 'scheduled':
      return {
        label: t('leads.callback.scheduled'),
        detail: t('leads.callback.businessLeft', { time: hoursAndMinutes(minutes, t) }),
        tone: 'scheduled',
      };
    case 'due':
      return {
        label: t('leads.callback.due'),
        detail:
          minutes < 0
            ? t('transfers.sla.overdue', { time: hoursAndMinutes(-minutes, t) })
            : t('leads.callback.now'),
        tone: 'due',
      };
    case 'overdue':
      return {
        label: t('leads.callback.overdue'),
        detail: t('leads.callback.businessPast', { time: hoursAndMinutes(-minutes, t) }),
        tone: 'overdue',
      };
    default:
      return { label: t('leads.callback.none'), detail: '', tone: 'none' };
  }
}
