import { botVocabulary } from '../../../domain/kakao/botVocabulary.ts';
import { type AppError, renderProblemText } from '../../errors.ts';

/**
 * Where a refusal points at something the customer typed in the chat: the record's values, the
 * values the bot collected, and the same values as a transfer or lead names them. Everything else
 * a refusal can point at (/guideId, /inquiryType, /scriptId, /history, /channel, /consultationId)
 * is about the guide or the bot's own choices — staff wording the customer cannot act on.
 */
const CUSTOMER_TYPED =
  /^\/(record|collected)\/|^\/(email|phone|inquiry|companyName|contactName|businessNumber)$/;

/**
 * What the customer is told of a refused filing: the first reason that is about a value they typed
 * (that field's own message, in Korean like every bot line), else that it was not taken — never
 * the staff's wording of the problem (transfers, guides, permissions), which goes to the log.
 */
export function customerReasonOf(error: AppError): string {
  const field =
    error.code === 'validation-failed'
      ? error.details.find((detail) => CUSTOMER_TYPED.test(detail.where))
      : undefined;
  return field ? renderProblemText(field.message, 'ko') : botVocabulary.notFiled;
}
