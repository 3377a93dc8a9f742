import { z } from 'zod';

/** Answer of `POST /api/v1/leads/{id}/reveal`: the contact details in clear. */
export const revealedLeadSchema = z.object({
  leadId: z.uuid(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
});

/** Revealed contact details. */
export type RevealedLead = z.output<typeof revealedLeadSchema>;
