/**
 * A funnel median in words: "3시간 20분", "2일 4시간" for long waits, "-" when no lead reached the
 * step yet. Minutes may be fractional (a median of two); they are rounded for reading.
 */
export function describeDuration(minutes: number | null): string {
  if (minutes === null) return '-';
  const total = Math.round(minutes);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const rest = total % 60;
  const parts = [days > 0 ? `${days}일` : '', hours > 0 ? `${hours}시간` : '', rest > 0 ? `${rest}분` : ''];
  const text = parts.filter(Boolean).slice(0, 2).join(' ');
  return text || '1분 미만';
}
