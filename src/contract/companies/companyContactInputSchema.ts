import { z } from 'zod';
import { contactRoleSchema } from './contactRoleSchema.ts';

/**
 * A registered contact as written through the API (`POST …/contacts`, `PUT …/contacts/{id}`, and
 * in a company's `contacts`): phones in any Korean format (stored as '010-1234-5678'), at least one;
 * e-mails optional. Limits and formats are checked with Korean messages per field.
 */
export const companyContactInputSchema = z.strictObject({
  name: z.string({ error: 'name(담당자 이름)을 입력하세요' }).max(200),
  role: contactRoleSchema,
  phones: z.array(z.string().max(100)).max(20).describe('at least one; mobile, landline, 070 or 050X'),
  emails: z.array(z.string().max(320)).max(20).default([]),
});

/** A contact to write. */
export type CompanyContactInput = z.output<typeof companyContactInputSchema>;
