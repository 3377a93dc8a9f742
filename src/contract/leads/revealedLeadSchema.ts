import { z } from 'zod';

/** Answer of `POST /api/v1/leads/{id}/reveal`: the contact details and callback notes in clear. */
export const revealedLeadSchema = z.object({
  leadId: z.uuid(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  callbacks: z
    .array(z.object({ attempt: z.number().int(), note: z.string() }))
    .describe('Every callback note in clear (masked in the lead detail), by attempt'),
});

/** Revealed contact details. */
export type RevealedLead = z.output<typeof revealedLeadSchema>;
