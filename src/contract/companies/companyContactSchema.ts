import { z } from 'zod';
import { contactRoleSchema } from './contactRoleSchema.ts';

/** A registered contact as the API answers it: name, phones and e-mails masked unless revealed. */
export const companyContactSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: contactRoleSchema,
    /** 관리책임자 or 운영담당자. */
    roleLabel: z.string(),
    phones: z.array(z.string()),
    emails: z.array(z.string()),
    /** True when name, phones and e-mails are masked (홍*동, 010-****-5678). */
    masked: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'CompanyContact' });

/** One contact as answered. */
export type CompanyContact = z.output<typeof companyContactSchema>;
