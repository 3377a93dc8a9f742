import type { CompanyContactInput } from '../../../contract/companies/companyContactInputSchema.ts';
import { describeImportRefusals } from '../../../domain/directory/describeImportRefusal.ts';
import type { ImportRefusal } from '../../../domain/directory/importRefusal.ts';
import { validateDirectoryContact } from '../../../domain/directory/validateDirectoryContact.ts';
import { AppError, type ProblemDetail } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import type { ContactValues } from '../../repositories/companyRepository.ts';

function whereOf(prefix: string, refusal: ImportRefusal): string {
  switch (refusal.code) {
    case 'missing-field':
    case 'too-long':
      return `${prefix}/${refusal.field === 'contactName' ? 'name' : refusal.field}`;
    case 'too-many':
      return `${prefix}/${refusal.field}`;
    case 'bad-phone':
    case 'business-phone':
    case 'shared-phone':
      return `${prefix}/phones/${refusal.value}`;
    case 'bad-email':
      return `${prefix}/emails/${refusal.value}`;
    default:
      return `${prefix}/role`;
  }
}

/**
 * The problems of some contacts written through the API, each with where it is (e.g.
 * '/contacts/1/phones/0'): each contact's own, and a phone given to two of them (a caller is named
 * by the number they call from, so within a company a number is one person's).
 */
export function contactProblems(
  inputs: readonly CompanyContactInput[],
  prefix: (index: number) => string,
): { values: ContactValues[]; problems: ProblemDetail[] } {
  const values: ContactValues[] = [];
  const problems: ProblemDetail[] = [];
  const phoneHolders = new Map<string, number>();
  inputs.forEach((input, index) => {
    const checked = validateDirectoryContact(input);
    if (checked.ok) {
      values.push(checked.contact);
      checked.contact.phones.forEach((phone, nth) => {
        const other = phoneHolders.get(phone);
        if (other === undefined) phoneHolders.set(phone, index);
        else
          problems.push({
            where: `${prefix(index)}/phones/${nth}`,
            message: msg('companies.phoneRepeated', { nth: nth + 1, other: other + 1 }),
          });
      });
    } else
      problems.push(
        ...checked.refusals.map((refusal) => ({
          where: whereOf(prefix(index), refusal),
          message: {
            ...msg('companies.contactRefused', { code: refusal.code }),
            wordings: {
              ko: describeImportRefusals([refusal], 'ko'),
              en: describeImportRefusals([refusal], 'en'),
            },
          },
        })),
      );
  });
  return { values, problems };
}

/** Checks one contact from the API (400 naming each bad field, Korean messages). */
export function toContactValues(input: CompanyContactInput): ContactValues {
  const { values, problems } = contactProblems([input], () => '');
  const value = values[0];
  if (problems.length > 0 || value === undefined) {
    throw new AppError('validation-failed', problems[0]?.message ?? msg('companies.checkContact'), problems);
  }
  return value;
}
