import { z } from 'zod';

/** Body of `POST /api/v1/companies/{bizNo}/contacts/{id}/reveal`: why the details are needed (access log). */
export const revealCompanyContactSchema = z.strictObject({
  reason: z
    .string({ error: 'reason(열람 사유)를 입력하세요' })
    .trim()
    .min(2, { error: 'reason(열람 사유)를 2자 이상 입력하세요' })
    .max(500, { error: 'reason은 500자 이하여야 합니다' }),
});

/** Parsed reveal request. */
export type RevealCompanyContactInput = z.output<typeof revealCompanyContactSchema>;
