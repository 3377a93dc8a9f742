import type { TransferDraftProblem } from '../../../domain/transfer/validateTransferDraft.ts';
import type { ProblemText } from '../../errors.ts';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';

/**
 * A transfer draft's problem in the caller's language. The domain words it in Korean; where it
 * names the types the field could take (a type of another guide, a sign-up lead under a type that
 * takes none), the catalogue words the same choices in every language, so an English caller also
 * learns which numbers are allowed. Other problems are the domain's fixed messages, else `general`.
 */
export function wordTransferDraftProblem(
  problem: TransferDraftProblem,
  general?: LocalisedText,
): ProblemText {
  const { choices } = problem;
  if (choices) {
    const params = { guide: choices.guide, types: choices.types.join(', ') };
    if (problem.field === 'inquiryType') return msg('transfers.inquiryTypeUnknown', params);
    if (problem.field === 'kind')
      return msg(
        choices.types.length === 0 ? 'transfers.noSignUpTypes' : 'transfers.signUpTypesOnly',
        params,
      );
  }
  return wordDomainMessage(problem.message, general);
}
