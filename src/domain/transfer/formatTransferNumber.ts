/**
 * The number people read out and search by: 'T-2026-000123' — the Seoul year it was filed in and
 * its sequence within that year, zero-padded to six digits (wider when a year passes a million).
 */
export function formatTransferNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`);
  return `T-${year}-${String(sequence).padStart(6, '0')}`;
}
