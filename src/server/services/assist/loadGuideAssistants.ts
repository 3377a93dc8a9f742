import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { FastifyBaseLogger } from 'fastify';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { projectRoot } from '../../projectRoot.ts';
import type { GuideCatalog } from '../guides/loadGuideCatalog.ts';
import { buildGuideAssistantParts, type GuideAssistantParts, primeGuideAssistant } from './guideAssistant.ts';

/** Where the built structures are kept: a directory of the data directory (private, 0700). */
export const ASSISTANT_CACHE_DIR = 'ieum-cache';

// Bump when the stored shape changes in a way the sources below do not show.
const FORMAT = 'guide-assistant/1';
// The code that builds the index and the model: a change to any of it builds them again.
const BUILDER_SOURCES = [
  new URL('src/domain/search/', projectRoot),
  new URL('src/domain/suggest/', projectRoot),
];
const BUILDER_FILES = [
  new URL('src/domain/guide/renderTemplate.ts', projectRoot),
  new URL('src/domain/guide/resolveGuideVariable.ts', projectRoot),
];

async function builderFingerprint(): Promise<string> {
  const hash = createHash('sha256').update(`${FORMAT}\n${process.version}\n`);
  const files = [...BUILDER_FILES];
  for (const dir of BUILDER_SOURCES) {
    for (const name of (await fs.readdir(dir)).sort()) {
      if (name.endsWith('.ts') && !name.endsWith('.test.ts')) files.push(new URL(name, dir));
    }
  }
  for (const file of files) hash.update(file.pathname).update(await fs.readFile(file));
  return hash.digest('hex');
}

/** The key of a guide's built structures: the builder code, the guide as loaded and its examples. */
function cacheKey(builder: string, catalog: GuideCatalog, guide: Guide): string {
  return createHash('sha256')
    .update(builder)
    .update(JSON.stringify(guide))
    .update(JSON.stringify(catalog.examples(guide.id)))
    .digest('hex')
    .slice(0, 32);
}

// What v8.deserialize gives back is checked for the parts' outer shape (it was written by
// saveParts below; anything else — a truncated or foreign file — is rebuilt).
function isParts(value: unknown): value is GuideAssistantParts {
  if (typeof value !== 'object' || value === null || !('index' in value) || !('model' in value)) return false;
  const { index, model } = value;
  const indexOk =
    typeof index === 'object' &&
    index !== null &&
    'docs' in index &&
    Array.isArray(index.docs) &&
    'vocabulary' in index &&
    Array.isArray(index.vocabulary) &&
    'compactPostings' in index &&
    index.compactPostings instanceof Map;
  const modelOk =
    model === null ||
    (typeof model === 'object' && 'features' in model && model.features instanceof Map && 'weights' in model);
  return indexOk && modelOk;
}

async function readParts(file: string): Promise<GuideAssistantParts | null> {
  try {
    const parts: unknown = deserialize(await fs.readFile(file));
    return isParts(parts) ? parts : null;
  } catch {
    return null;
  }
}

async function saveParts(
  dir: string,
  guideId: string,
  file: string,
  parts: GuideAssistantParts,
): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, serialize(parts), { mode: 0o600 });
  await fs.rename(temporary, file);
  // Structures of an earlier version of the guide or the code are of no further use.
  for (const name of await fs.readdir(dir)) {
    const other = path.join(dir, name);
    if (name.startsWith(`${guideId}.`) && other !== file) await fs.rm(other, { force: true });
  }
}

/**
 * Makes every guide's search index and suggestion model ready: read from `dataDir` when they were
 * built before from the same guide, examples and builder code (a few ms), else built (hundreds of
 * ms on a first start, or after a guide or the code changed) and kept there for the next start.
 * A request arriving before this finishes builds what it needs itself (guideAssistant), so it is
 * safe to run after the server listens. A cache that cannot be written only costs the next start.
 */
export async function loadGuideAssistants(
  catalog: GuideCatalog,
  dataDir: string,
  logger: FastifyBaseLogger,
): Promise<{ built: string[]; loaded: string[] }> {
  const dir = path.join(dataDir, ASSISTANT_CACHE_DIR);
  const builder = await builderFingerprint();
  const built: string[] = [];
  const loaded: string[] = [];
  for (const guide of catalog.list()) {
    const file = path.join(dir, `${guide.id}.${cacheKey(builder, catalog, guide)}.v8`);
    const kept = await readParts(file);
    if (kept) {
      primeGuideAssistant(guide, kept);
      loaded.push(guide.id);
      continue;
    }
    const parts = buildGuideAssistantParts(catalog, guide);
    primeGuideAssistant(guide, parts);
    built.push(guide.id);
    try {
      await saveParts(dir, guide.id, file, parts);
    } catch (error) {
      logger.warn({ err: error, dir }, 'could not keep the built search index for the next start');
    }
  }
  return { built, loaded };
}
