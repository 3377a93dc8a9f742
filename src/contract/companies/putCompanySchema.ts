import { z } from 'zod';
import { companyContactInputSchema } from './companyContactInputSchema.ts';
import { companyStatusSchema } from './companyStatusSchema.ts';

/**
 * Body of `PUT /api/v1/companies/{bizNo}`: the company as the business management system has it
 * (idempotent: created when new, replaced when known). With `contacts`, they become the company's
 * whole contact list (a contact with the same name and role keeps its id); without, contacts stay.
 */
export const putCompanySchema = z.strictObject({
  name: z.string({ error: 'name(기업명)을 입력하세요' }).max(200),
  status: companyStatusSchema.default('active'),
  contacts: z.array(companyContactInputSchema).max(100).optional(),
});

/** A company to upsert. */
export type PutCompanyInput = z.output<typeof putCompanySchema>;
