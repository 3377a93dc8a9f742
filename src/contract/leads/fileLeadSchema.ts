import { z } from 'zod';

/** Body of `POST /api/v1/leads`: the sign-up intake (Q4) of a saved consultation. */
export const fileLeadSchema = z.object({
  consultationId: z
    .uuid('상담 id 형식이 올바르지 않습니다')
    .describe('The consultation that ended on the sign-up path (Q4-Y) with consent agreed; save it first'),
  companyName: z.string().max(200).describe('업체명'),
  contactName: z.string().max(100).describe('담당자'),
  phone: z.string().max(40).describe('연락처, any Korean format (010-1234-5678, 02-123-4567, 1644-7391 …)'),
  email: z.string().max(254).describe('이메일주소: the sign-up brochure goes here'),
  businessNumber: z
    .string()
    .max(20)
    .optional()
    .describe('사업자등록번호 (optional), checked by its check digit'),
});

/** Parsed lead intake. */
export type FileLeadInput = z.output<typeof fileLeadSchema>;
