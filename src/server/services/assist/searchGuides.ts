import { searchIndex } from '../../../domain/search/searchIndex.ts';
import type { SearchResult } from '../../../domain/search/searchTypes.ts';
import type { AppContext } from '../../appContext.ts';
import { guideAssistant } from './guideAssistant.ts';

/** One hit as the API returns it: which guide, what it is, what to open, and what matched. */
export type SearchHit = {
  guideId: string;
  id: string;
  kind: SearchResult['doc']['kind'];
  title: string;
  text: string;
  scriptId: string | null;
  inquiryType: number | null;
  score: number;
  matched: SearchResult['matched'];
};

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
