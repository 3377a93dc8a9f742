// Built once: constructing an Intl.DateTimeFormat costs ~0.7 ms, and every bot turn formats one.
const SEOUL_OPENING_FORMAT = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  month: 'numeric',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * When the business team is next at work, as the bot tells the customer: "12월 7일(월) 09:00"
 * in Seoul time. Pure: the instant comes from the calendar's decision.
 */
export function formatNextOpening(at: Date): string {
  const parts = SEOUL_OPENING_FORMAT.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month')}월 ${part('day')}일(${part('weekday')}) ${part('hour')}:${part('minute')}`;
}
