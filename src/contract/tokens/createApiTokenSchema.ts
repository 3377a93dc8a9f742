import { z } from 'zod';

/** Longest lifetime a token may be given, in days (ten years: "never" is the absent expiry). */
export const MAX_TOKEN_DAYS = 3650;

/** Body of `POST /api/v1/tokens`: a name, and optionally when the token stops working. */
export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, '토큰 이름을 입력하세요').max(100).default('integration'),
    expiresAt: z.iso
      .datetime({ offset: true, message: '만료 시각은 ISO 8601 형식(예: 2027-01-01T00:00:00+09:00)입니다' })
      .optional()
      .describe('When the token stops working; absent: until revoked'),
    expiresInDays: z
      .int('만료 기간은 일 단위 정수입니다')
      .min(1, '만료 기간은 1일 이상입니다')
      .max(MAX_TOKEN_DAYS, `만료 기간은 ${MAX_TOKEN_DAYS}일 이하입니다`)
      .optional()
      .describe('Alternative to expiresAt: days from now'),
  })
  .refine((body) => body.expiresAt === undefined || body.expiresInDays === undefined, {
    message: 'expiresAt과 expiresInDays 중 하나만 보내세요',
    params: { messageKey: 'validation.expiryEitherOr' },
    path: ['expiresInDays'],
  });
