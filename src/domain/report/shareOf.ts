/** `part ÷ whole` as a share between 0 and 1; null when there is nothing to divide (whole = 0). */
export function shareOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}
