import { z } from 'zod';
import { companySchema } from './companySchema.ts';

/** Answer of `GET /api/v1/companies`: a page of companies by name, contacts masked. */
export const companyPageSchema = z
  .object({
    items: z.array(companySchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'CompanyPage' });

/** A page of companies. */
export type CompanyPage = z.output<typeof companyPageSchema>;
