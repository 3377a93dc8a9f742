import { readFileSync } from 'node:fs';
import type { Guide } from '../../src/domain/guide/guideSchema.ts';
import { parseGuide } from '../../src/domain/guide/parseGuide.ts';

/** A guide document of the repository (a path from its root), parsed as the server loads it: for tests. */
export function guideFromFile(pathFromRoot: string): Guide {
  const parsed = parseGuide(
    readFileSync(new URL(`../../${pathFromRoot}`, import.meta.url), 'utf8'),
    pathFromRoot,
  );
  if (!parsed.ok) throw new Error(parsed.errors.map((error) => error.message).join('\n'));
  return parsed.guide;
}
