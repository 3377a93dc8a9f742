import type { LeadIntakeProblem } from '../../../domain/lead/validateLeadIntake.ts';
import { INVALID_PERSON_NAME_MESSAGE } from '../../../domain/privacy/validatePersonName.ts';
import type { Translate } from '../../i18n/useT.ts';

/**
 * The inline message of a sign-up intake problem, from the catalogue: a missing value, a too long
 * name or one that is no name, or a value that does not check out. The Korean catalogue carries the domain's own reason
 * for the last kind (`{detail}`: which digit, which part), the English one a per-field sentence.
 */
export function describeIntakeProblem(problem: LeadIntakeProblem, value: string, t: Translate): string {
  const missing = value.trim() === '';
  switch (problem.field) {
    case 'companyName':
      return missing ? t('leads.intake.required.companyName') : t('leads.intake.tooLong.companyName');
    case 'contactName':
      if (missing) return t('leads.intake.required.contactName');
      return problem.message === INVALID_PERSON_NAME_MESSAGE
        ? t('leads.intake.invalid.contactName')
        : t('leads.intake.tooLong.contactName');
    case 'phone':
      return missing
        ? t('leads.intake.required.phone')
        : t('leads.intake.invalid.phone', { detail: problem.message });
    case 'email':
      return missing
        ? t('leads.intake.required.email')
        : t('leads.intake.invalid.email', { detail: problem.message });
    case 'businessNumber':
      return t('leads.intake.invalid.businessNumber', { detail: problem.message });
  }
}
