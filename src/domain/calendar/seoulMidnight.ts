/**
 * The Seoul midnight starting a 'YYYY-MM-DD' date, plus `days`: the bounds of a list filtered by
 * Seoul dates (`from` inclusive, the day after `to` exclusive).
 */
export function seoulMidnight(date: string, days = 0): Date {
  const at = new Date(`${date}T00:00:00+09:00`);
  return new Date(at.getTime() + days * 86_400_000);
}
