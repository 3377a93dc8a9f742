import { z } from 'zod';
import { companyContactSchema } from './companyContactSchema.ts';
import { companyStatusSchema } from './companyStatusSchema.ts';

/** A business account of the directory with its registered contacts (masked). */
export const companySchema = z
  .object({
    id: z.uuid(),
    /** 사업자등록번호, ten digits: the key of `/api/v1/companies/{bizNo}`. */
    bizNo: z.string(),
    /** 'XXX-XX-XXXXX'. */
    bizNoDisplay: z.string(),
    name: z.string(),
    status: companyStatusSchema,
    /** 활성 or 비활성. */
    statusLabel: z.string(),
    /** Since when the account is inactive; its contacts are erased when retention ends after it. */
    inactiveSince: z.iso.datetime().nullable(),
    contacts: z.array(companyContactSchema),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Company' });

/** One company as answered. */
export type Company = z.output<typeof companySchema>;
