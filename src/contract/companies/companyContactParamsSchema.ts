import { z } from 'zod';

/** Path of `/api/v1/companies/{bizNo}/contacts/{id}`. */
export const companyContactParamsSchema = z.strictObject({
  bizNo: z.string().max(20).describe("사업자등록번호: '1208147521' or '120-81-47521'"),
  id: z.uuid({ error: 'id는 UUID여야 합니다' }),
});

/** Parsed path. */
export type CompanyContactParams = z.output<typeof companyContactParamsSchema>;
