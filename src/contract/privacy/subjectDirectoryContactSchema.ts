import { z } from 'zod';
import { contactRoleSchema } from '../companies/contactRoleSchema.ts';

/** A business-directory registration of the subject (a registered contact of a company), in a data-subject export. */
export const subjectDirectoryContactSchema = z.object({
  id: z.uuid(),
  company: z.object({ bizNo: z.string(), name: z.string() }),
  name: z.string(),
  role: contactRoleSchema,
  roleLabel: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One registration as exported. */
export type SubjectDirectoryContact = z.output<typeof subjectDirectoryContactSchema>;
