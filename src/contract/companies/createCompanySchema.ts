import { z } from 'zod';
import { companyContactInputSchema } from './companyContactInputSchema.ts';
import { companyStatusSchema } from './companyStatusSchema.ts';

/** Body of `POST /api/v1/companies`: a new business account, optionally with its contacts. */
export const createCompanySchema = z.strictObject({
  bizNo: z.string({ error: 'bizNo(사업자등록번호)를 입력하세요' }).max(20),
  name: z.string({ error: 'name(기업명)을 입력하세요' }).max(200),
  status: companyStatusSchema.default('active'),
  contacts: z.array(companyContactInputSchema).max(100).default([]),
});

/** A company to create. */
export type CreateCompanyInput = z.output<typeof createCompanySchema>;
