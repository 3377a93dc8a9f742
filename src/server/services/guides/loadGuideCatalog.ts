import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { formatGuideError } from '../../../domain/guide/formatGuideError.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { parseGuide } from '../../../domain/guide/parseGuide.ts';
import { suggestionExamplesSchema } from '../../../domain/suggest/suggestionExamplesSchema.ts';
import type { SuggestionExample } from '../../../domain/suggest/trainSuggestionModel.ts';
import { GuideCatalogError } from './GuideCatalogError.ts';

/** The guides loaded at boot, by id, with the example utterances kept beside each. */
export type GuideCatalog = {
  /** Every guide, ordered by id. */
  list: () => Guide[];
  get: (id: string) => Guide | undefined;
  /**
   * The guide a request that names none uses: IEUM_DEFAULT_GUIDE, else the only guide, else the
   * first by id. Routes take their defaults from here, never from a literal id.
   */
  defaultGuide: () => Guide;
  /** Training utterances for inquiry-type suggestion (`<id>.examples.json`); empty when none. */
  examples: (id: string) => SuggestionExample[];
  /** A loaded guide's document as its file holds it, kept so its version can be replayed later. */
  source: (id: string) => GuideSource | undefined;
};

/** A guide document's text, the file it came from and the text's sha256. */
export type GuideSource = { text: string; fileName: string; sha256: string };

// Guide documents are `<id>.json`; companions such as `<id>.examples.json` hold other data.
const GUIDE_FILE = /^[a-z0-9-]+\.json$/;

async function readExamples(dir: string, guide: Guide, problems: string[]): Promise<SuggestionExample[]> {
  const file = path.join(dir, `${guide.id}.examples.json`);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return [];
  }
  const parsed = suggestionExamplesSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map(
        (issue) => `${path.basename(file)} /${issue.path.join('/')}: ${issue.message}`,
      ),
    );
    return [];
  }
  const unknown = parsed.data.examples.filter((example) => example.inquiryType > guide.inquiryTypes.length);
  if (unknown.length)
    problems.push(`${path.basename(file)}: inquiry type ${unknown[0]?.inquiryType} is not in the guide`);
  return parsed.data.examples;
}

/**
 * Reads and validates every guide in the directory. A broken guide stops the boot with every
 * problem listed by file and line: serving a half-valid script to agents on live calls is worse.
 * `defaultGuideId` (IEUM_DEFAULT_GUIDE) must name one of them.
 */
export async function loadGuideCatalog(
  dir: string,
  options: { defaultGuideId?: string | undefined } = {},
): Promise<GuideCatalog> {
  const names = (await fs.readdir(dir)).filter((name) => GUIDE_FILE.test(name)).sort();
  const guides = new Map<string, Guide>();
  const examples = new Map<string, SuggestionExample[]>();
  const sources = new Map<string, GuideSource>();
  const problems: string[] = [];
  for (const name of names) {
    const text = await fs.readFile(path.join(dir, name), 'utf8');
    const result = parseGuide(text, name);
    if (!result.ok) {
      problems.push(...result.errors.map(formatGuideError));
      continue;
    }
    if (guides.has(result.guide.id)) problems.push(`${name}: guide id "${result.guide.id}" is used twice`);
    guides.set(result.guide.id, result.guide);
    sources.set(result.guide.id, {
      text,
      fileName: name,
      sha256: createHash('sha256').update(text).digest('hex'),
    });
    examples.set(result.guide.id, await readExamples(dir, result.guide, problems));
  }
  if (problems.length) throw new GuideCatalogError({ kind: 'invalid', dir, problems });
  const sorted = [...guides.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  let defaultGuide = sorted[0];
  if (!defaultGuide) throw new GuideCatalogError({ kind: 'empty', dir });
  if (options.defaultGuideId !== undefined) {
    const named = guides.get(options.defaultGuideId);
    if (!named)
      throw new GuideCatalogError({
        kind: 'unknown-default',
        dir,
        defaultGuideId: options.defaultGuideId,
        guideIds: [...guides.keys()],
      });
    defaultGuide = named;
  }
  return {
    list: () => [...sorted],
    get: (id) => guides.get(id),
    defaultGuide: () => defaultGuide,
    examples: (id) => examples.get(id) ?? [],
    source: (id) => sources.get(id),
  };
}
