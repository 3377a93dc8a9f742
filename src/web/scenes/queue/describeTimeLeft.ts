import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
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
 * The SLA column: business time left ("업무시간 3시간 20분 남음"), or how far past due, or that
 * the clock stopped. Business minutes exclude nights, weekends and holidays (server-computed).
 */
export function describeTimeLeft(
  sla: Transfer['sla'],
  t: Translate,
): {
  text: string;
  tone: 'ok' | 'soon' | 'overdue' | 'met';
} {
  if (sla.state === 'met' || sla.businessMinutesLeft === null)
    return { text: t('transfers.sla.met'), tone: 'met' };
  const left = sla.businessMinutesLeft;
  if (sla.state === 'overdue')
    return {
      text: t('transfers.sla.overdue', { time: hoursAndMinutes(Math.abs(left), t) }),
      tone: 'overdue',
    };
  return {
    text: t('transfers.sla.left', { time: hoursAndMinutes(left, t) }),
    tone: left <= 60 ? 'soon' : 'ok',
  };
}
