import { readFileSync } from 'node:fs';
import type { Guide } from '../src/domain/guide/guideSchema.ts';
import { parseGuide } from '../src/domain/guide/parseGuide.ts';

function loadGuide(): Guide {
  const file = new URL('../content/guides/business-inquiry.json', import.meta.url);
  const result = parseGuide(readFileSync(file, 'utf8'), 'business-inquiry.json');
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.guide;
}

/** The guide fixture the specs drive the console with: the same file the server serves. */
export const e2eGuide = loadGuide();
