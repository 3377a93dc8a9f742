import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { SearchIndex } from '../../../domain/search/buildSearchIndex.ts';
import { buildSearchIndex } from '../../../domain/search/buildSearchIndex.ts';
import { guideSearchDocuments } from '../../../domain/search/guideSearchDocuments.ts';
import { type SuggestionModel, trainSuggestionModel } from '../../../domain/suggest/trainSuggestionModel.ts';
import type { GuideCatalog } from '../guides/loadGuideCatalog.ts';

/** A guide's search index and suggestion model, built once per loaded guide. */
export type GuideAssistant = { guide: Guide; index: SearchIndex; model: SuggestionModel | null };

/** What is built from a guide (plain data: loadGuideAssistants keeps it on disk between starts). */
export type GuideAssistantParts = { index: SearchIndex; model: SuggestionModel | null };

// Keyed by the guide object: a reloaded guide is a new object and gets fresh structures.
const built = new WeakMap<Guide, GuideAssistant>();

/** Builds a guide's search index and trains its suggestion model (tens to hundreds of ms). */
export function buildGuideAssistantParts(catalog: GuideCatalog, guide: Guide): GuideAssistantParts {
  const examples = catalog.examples(guide.id);
  return {
    index: buildSearchIndex(guideSearchDocuments(guide)),
    model: examples.length ? trainSuggestionModel(examples) : null,
  };
}

/** Hands over structures built earlier for this guide (loadGuideAssistants), unless some are in use. */
export function primeGuideAssistant(guide: Guide, parts: GuideAssistantParts): void {
  if (!built.has(guide)) built.set(guide, { guide, ...parts });
}

/**
 * The search index and trained suggestion model for a guide, built on first use and kept for the
 * guide's lifetime, so requests only query. startServer loads them (from the last start when the
 * guide is unchanged) right after listening; a request that comes first builds them itself.
 */
export function guideAssistant(catalog: GuideCatalog, guide: Guide): GuideAssistant {
  let assistant = built.get(guide);
  if (!assistant) {
    assistant = { guide, ...buildGuideAssistantParts(catalog, guide) };
    built.set(guide, assistant);
  }
  return assistant;
}
