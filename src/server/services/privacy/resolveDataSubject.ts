import { z } from 'zod';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import { emailBlindIndex, phoneBlindIndex } from '../../crypto/blindIndex.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import { AppError } from '../../errors.ts';

/** Who a data-subject request is about: one phone number or one email. */
export const dataSubjectSchema = z
  .strictObject({
    phone: z.string().trim().min(1).max(40).optional(),
    email: z.email('이메일 주소 형식이 올바르지 않습니다').max(254).optional(),
    reason: z
      .string({ error: 'reason(요청 근거)을 입력하세요' })
      .trim()
      .min(2, { error: 'reason(요청 근거)을 2자 이상 입력하세요' })
      .max(500),
  })
  .refine((value) => (value.phone === undefined) !== (value.email === undefined), {
    message: 'phone 또는 email 중 하나만 주세요',
    path: ['phone'],
  });

/** A parsed data-subject request. */
export type DataSubjectRequest = z.output<typeof dataSubjectSchema>;

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
      throw new AppError('validation-failed', '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)', [
        { where: '/phone', message: 'invalid phone number' },
      ]);
    }
    return { kind: 'phone', index, masked: maskPhone(request.phone) };
  }
  if (request.email !== undefined) {
    return { kind: 'email', index: emailBlindIndex(keys, request.email), masked: maskEmail(request.email) };
  }
  throw new AppError('validation-failed', 'phone 또는 email 중 하나를 주세요', [
    { where: '/phone', message: 'required' },
  ]);
}
