import { z } from 'zod';

/** Body of `POST /api/v1/leads/duplicates`: the intake's company and e-mail, checked before saving. */
export const findDuplicateLeadsSchema = z.object({
  companyName: z.string().trim().min(1, '업체명을 입력하세요').max(200),
  email: z.string().trim().min(1, '이메일주소를 입력하세요').max(254),
});

/** Parsed duplicate check. */
export type FindDuplicateLeadsInput = z.output<typeof findDuplicateLeadsSchema>;
