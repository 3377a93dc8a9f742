import { readFileSync } from 'node:fs';
import type { Guide } from '../../src/domain/guide/guideSchema.ts';
import { parseGuide } from '../../src/domain/guide/parseGuide.ts';

/** The business guide as shipped (content/guides), parsed as the server loads it: for domain tests. */
export function shippedGuide(): Guide {
  const parsed = parseGuide(
    readFileSync(new URL('../../content/guides/business-inquiry.json', import.meta.url), 'utf8'),
    'business-inquiry.json',
  );
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  return parsed.guide;
}
