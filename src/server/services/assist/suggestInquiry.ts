import type { InquirySuggestion } from '../../../contract/assist/inquirySuggestionsSchema.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import { suggestInquiryTypes } from '../../../domain/suggest/suggestInquiryTypes.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { guideAssistant } from './guideAssistant.ts';

const SUGGESTIONS = 3;

function suggestFrom(ctx: AppContext, guide: Guide, text: string): InquirySuggestion[] | null {
  const { model } = guideAssistant(ctx.guides, guide);
  if (!model) return null;
  return suggestInquiryTypes(model, text, { limit: SUGGESTIONS }).flatMap((suggestion) => {
    const type = guide.inquiryTypes.find((candidate) => candidate.number === suggestion.inquiryType);
    return type
      ? [
          {
            guideId: guide.id,
            inquiryType: type.number,
            scriptId: type.scriptId,
            label: type.label,
            score: suggestion.score,
          },
        ]
      : [];
  });
}

/**
 * The most likely inquiry types for what the caller said, best first (three), each with the
 * guide's script for that type, so one key starts the right script. Without a guide id the
 * suggestions span every guide that has example utterances (each score is the probability within
 * its own guide).
 */
export function suggestInquiry(ctx: AppContext, text: string, guideId?: string): InquirySuggestion[] {
  if (guideId !== undefined) {
    const guide = ctx.guides.get(guideId);
    if (!guide)
      throw new AppError('validation-failed', msg('common.guideNotFound', { id: guideId }), [
        { where: '/guideId', message: msg('common.guideNotFoundDetail') },
      ]);
    const suggestions = suggestFrom(ctx, guide, text);
    if (!suggestions) throw new AppError('not-found', msg('common.noSuggestionExamples', { guideId }));
    return suggestions;
  }
  const all = ctx.guides.list().flatMap((guide) => suggestFrom(ctx, guide, text) ?? []);
  if (all.length === 0) throw new AppError('not-found', msg('common.noGuideWithSuggestionExamples'));
  return all.sort((a, b) => b.score - a.score).slice(0, SUGGESTIONS);
}
