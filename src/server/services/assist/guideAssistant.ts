import type { Guide } from '../../../domain/guide/guideSchema.ts';
import type { SearchIndex } from '../../../domain/search/buildSearchIndex.ts';
import { buildSearchIndex } from '../../../domain/search/buildSearchIndex.ts';
import { guideSearchDocuments } from '../../../domain/search/guideSearchDocuments.ts';
import { type SuggestionModel, trainSuggestionModel } from '../../../domain/suggest/trainSuggestionModel.ts';
import type { GuideCatalog } from '../guides/loadGuideCatalog.ts';

/** A guide's search index and suggestion model, built once per loaded guide. */
export type GuideAssistant = { guide: Guide; index: SearchIndex; model: SuggestionModel | null };

// Keyed by the guide object: a reloaded guide is a new object and gets fresh structures.
const built = new WeakMap<Guide, GuideAssistant>();

/**
 * The search index and trained suggestion model for a guide, built on first use (tens of ms)
 * and kept for the guide's lifetime, so requests only query. startServer warms them at boot.
 */
export function guideAssistant(catalog: GuideCatalog, guide: Guide): GuideAssistant {
  let assistant = built.get(guide);
  if (!assistant) {
    const examples = catalog.examples(guide.id);
    assistant = {
      guide,
      index: buildSearchIndex(guideSearchDocuments(guide)),
      model: examples.length ? trainSuggestionModel(examples) : null,
    };
    built.set(guide, assistant);
  }
  return assistant;
}
