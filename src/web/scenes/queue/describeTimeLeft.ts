import type { Transfer } from '../../../contract/transfers/transferSchema.ts';

function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}분`;
  return rest === 0 ? `${hours}시간` : `${hours}시간 ${rest}분`;
}

/**
 * The SLA column: business time left ("업무시간 3시간 20분 남음"), or how far past due, or that
 * the clock stopped. Business minutes exclude nights, weekends and holidays (server-computed).
 */
export function describeTimeLeft(sla: Transfer['sla']): {
  text: string;
  tone: 'ok' | 'soon' | 'overdue' | 'met';
} {
  if (sla.state === 'met' || sla.businessMinutesLeft === null) return { text: '완료', tone: 'met' };
  const left = sla.businessMinutesLeft;
  if (sla.state === 'overdue') return { text: `${hoursAndMinutes(Math.abs(left))} 지남`, tone: 'overdue' };
  return { text: `${hoursAndMinutes(left)} 남음`, tone: left <= 60 ? 'soon' : 'ok' };
}
