import type { InquirySuggestion } from '../../../contract/assist/inquirySuggestionsSchema.ts';
import { suggestInquiryTypes } from '../../../domain/suggest/suggestInquiryTypes.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { guideAssistant } from './guideAssistant.ts';

/**
 * The most likely inquiry types for what the caller said, best first (at least three), each
 * with the guide's script for that type, so one key starts the right script.
 */
export function suggestInquiry(ctx: AppContext, text: string, guideId: string): InquirySuggestion[] {
  const guide = ctx.guides.get(guideId);
  if (!guide)
    throw new AppError('validation-failed', `가이드를 찾을 수 없습니다: ${guideId}`, [
      { where: '/guideId', message: '없음' },
    ]);
  const { model } = guideAssistant(ctx.guides, guide);
  if (!model) throw new AppError('not-found', `${guideId} 가이드에는 추천용 예문이 없습니다.`);
  return suggestInquiryTypes(model, text, { limit: 3 }).flatMap((suggestion) => {
    const type = guide.inquiryTypes.find((candidate) => candidate.number === suggestion.inquiryType);
    return type
      ? [{ inquiryType: type.number, scriptId: type.scriptId, label: type.label, score: suggestion.score }]
      : [];
  });
}
