import type { Guide } from '../../src/domain/guide/guideSchema.ts';
import { guideFromFile } from './guideFromFile.ts';

/** The business guide as shipped (content/guides), parsed as the server loads it: for domain tests. */
export function shippedGuide(): Guide {
  return guideFromFile('content/guides/business-inquiry.json');
}
