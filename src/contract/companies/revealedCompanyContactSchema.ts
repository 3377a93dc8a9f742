import { z } from 'zod';

/** Answer of `POST /api/v1/companies/{bizNo}/contacts/{id}/reveal`: the contact's details in clear. */
export const revealedCompanyContactSchema = z.object({
  contactId: z.uuid(),
  name: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
});

/** Revealed details. */
export type RevealedCompanyContact = z.output<typeof revealedCompanyContactSchema>;
