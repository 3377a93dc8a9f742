import { z } from 'zod';

/** Path of `/api/v1/companies/{bizNo}`: the 사업자등록번호, ten digits or 'XXX-XX-XXXXX' (check digit verified). */
export const bizNoParamsSchema = z.strictObject({
  bizNo: z.string().max(20).describe("사업자등록번호: '1208147521' or '120-81-47521'"),
});

/** Parsed path. */
export type BizNoParams = z.output<typeof bizNoParamsSchema>;
