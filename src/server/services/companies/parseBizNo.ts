import { validateBusinessNumber } from '../../../domain/privacy/validateBusinessNumber.ts';
import { AppError } from '../../errors.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';

/** The ten digits of a 사업자등록번호 from a path or body, or a 400 naming where it was wrong. */
export function parseBizNo(input: string, where: string): string {
  const bizNo = validateBusinessNumber(input);
  if (!bizNo.ok) {
    const message = wordDomainMessage(bizNo.message);
    throw new AppError('validation-failed', message, [{ where, message }]);
  }
  return bizNo.digits;
}
