import type { Translate } from '../i18n/useT.ts';

/**
 * The start screen's hint for the number keys, as they behave in the type picker (pickByDigit):
 * with several guides a number lists that number's type of each guide; in one guide of ten types
 * or more, the first digit of a two-digit number goes into the search; otherwise a number picks
 * its type at once.
 */
export function describeStartTypeKeys(guideCount: number, highestTypeNumber: number, t: Translate): string {
  if (guideCount > 1) return t('console.start.typeKeysMany', { count: guideCount });
  if (highestTypeNumber >= 10) return t('console.start.typeKeysLonger', { longest: highestTypeNumber });
  return t('console.start.typeKeys');
}
