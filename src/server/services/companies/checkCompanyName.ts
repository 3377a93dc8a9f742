import { directoryLimits } from '../../../domain/directory/directoryFields.ts';
import { AppError } from '../../errors.ts';

/** A 기업명 from the API, trimmed (400 when empty or too long). */
export function checkCompanyName(input: string): string {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '')
    throw new AppError('validation-failed', '기업명을 입력하세요', [{ where: '/name', message: 'required' }]);
  if (Array.from(name).length > directoryLimits.companyName) {
    const message = `기업명은 ${directoryLimits.companyName}자 이하여야 합니다`;
    throw new AppError('validation-failed', message, [{ where: '/name', message }]);
  }
  return name;
}
