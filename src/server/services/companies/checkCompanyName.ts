import { directoryLimits } from '../../../domain/directory/directoryFields.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';

/** A 기업명 from the API, trimmed (400 when empty or too long). */
export function checkCompanyName(input: string): string {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '')
    throw new AppError('validation-failed', msg('companies.nameRequired'), [
      { where: '/name', message: msg('common.required') },
    ]);
  if (Array.from(name).length > directoryLimits.companyName) {
    const message = msg('companies.nameTooLong', { max: directoryLimits.companyName });
    throw new AppError('validation-failed', message, [{ where: '/name', message }]);
  }
  return name;
}
