import type { Lead } from '../../../contract/leads/leadSchema.ts';

function hoursAndMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}분`;
  return rest === 0 ? `${hours}시간` : `${hours}시간 ${rest}분`;
}

/** The callback column: a label for the badge, the time left or past in business time, and a tone. */
export type LeadCallbackDescription = {
  label: string;
  detail: string;
  tone: 'none' | 'scheduled' | 'due' | 'overdue';
};

/**
 * Where a lead's OB callback stands, in business time (nights, weekends and holidays do not count;
 * the server measures): 예정 with the time left, 콜백 시간 once due, 지연 once overdue by more than
 * the grace hour, or nothing pending (brochure not sent yet, or the customer was reached).
 */
export function describeLeadCallback(callback: Lead['callback']): LeadCallbackDescription {
  const minutes = callback.businessMinutesLeft ?? 0;
  switch (callback.state) {
    case 'scheduled':
      return { label: '예정', detail: `업무시간 ${hoursAndMinutes(minutes)} 남음`, tone: 'scheduled' };
    case 'due':
      return {
        label: '콜백 시간',
        detail: minutes < 0 ? `${hoursAndMinutes(-minutes)} 지남` : '지금',
        tone: 'due',
      };
    case 'overdue':
      return { label: '지연', detail: `업무시간 ${hoursAndMinutes(-minutes)} 지남`, tone: 'overdue' };
    default:
      return { label: '없음', detail: '', tone: 'none' };
  }
}
