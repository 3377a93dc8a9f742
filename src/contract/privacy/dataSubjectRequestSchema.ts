import { z } from 'zod';

/** Body of `POST /api/v1/data-subjects/{find,export,delete}`: one phone number or one email, and why. */
export const dataSubjectRequestSchema = z
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
    params: { messageKey: 'validation.phoneOrEmailExactlyOne' },
    path: ['phone'],
  });

/** A parsed data-subject request. */
export type DataSubjectRequest = z.output<typeof dataSubjectRequestSchema>;
