import type { SearchHit } from '../../../contract/assist/searchHitSchema.ts';
import { searchIndex } from '../../../domain/search/searchIndex.ts';
import type { AppContext } from '../../appContext.ts';
import { guideAssistant } from './guideAssistant.ts';

/** Ranked Korean-aware search across every loaded guide (초성, spacing, typos, English-mode keys). */
export function searchGuides(ctx: AppContext, query: string, limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const guide of ctx.guides.list()) {
    for (const result of searchIndex(guideAssistant(ctx.guides, guide).index, query, { limit })) {
      hits.push({
        guideId: guide.id,
        id: result.doc.id,
        kind: result.doc.kind,
        title: result.doc.title,
        text: result.doc.text,
        scriptId: result.doc.scriptId ?? null,
        inquiryType: result.doc.inquiryType ?? null,
        score: result.score,
        matched: result.matched,
      });
    }
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
