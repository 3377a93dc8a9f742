import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import { emailBlindIndex, phoneBlindIndex } from '../../crypto/blindIndex.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';

/** The subject as the service works with it: the lookup index and a masked label for logs and screens. */
export type ResolvedDataSubject = { kind: 'phone' | 'email'; index: string; masked: string };

/** Turns a phone number or email into its blind index (400 naming the field when the phone is invalid). */
export function resolveDataSubject(
  keys: FieldKeys,
  request: { phone?: string | undefined; email?: string | undefined },
): ResolvedDataSubject {
  if (request.phone !== undefined) {
    const index = phoneBlindIndex(keys, request.phone);
    if (!index) {
      throw new AppError('validation-failed', msg('common.invalidPhone'), [
        { where: '/phone', message: msg('common.invalidPhoneDetail') },
      ]);
    }
    return { kind: 'phone', index, masked: maskPhone(request.phone) };
  }
  if (request.email !== undefined) {
    return { kind: 'email', index: emailBlindIndex(keys, request.email), masked: maskEmail(request.email) };
  }
  throw new AppError('validation-failed', msg('common.phoneOrEmailRequired'), [
    { where: '/phone', message: msg('common.required') },
  ]);
}
