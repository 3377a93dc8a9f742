// Agents and the business calendar are in Korea; the browser's own zone must not matter.
const timeZone = 'Asia/Seoul';

const dayKey = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const time = new Intl.DateTimeFormat('ko-KR', {
  timeZone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const dateTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone,
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const shortDate = new Intl.DateTimeFormat('ko-KR', { timeZone, month: 'numeric', day: 'numeric' });

/** Formats instants in Asia/Seoul: `time` 14:05, `dateTime` 11월 26일 (목) 09:00, `compact` 14:05 or 11. 24. 14:05. */
export const seoulTime = {
  time: (iso: string): string => time.format(new Date(iso)),
  dateTime: (iso: string): string => dateTime.format(new Date(iso)),
  compact: (iso: string, now: Date = new Date()): string => {
    const date = new Date(iso);
    const sameDay = dayKey.format(date) === dayKey.format(now);
    return sameDay ? time.format(date) : `${shortDate.format(date)} ${time.format(date)}`;
  },
};
