import { z } from 'zod';

/**
 * Who the caller is by the business directory, in the replies to the agent on the call (start, open
 * consultations): the record's 기업명 starts from the company; the contact's name stays masked, as
 * agents see the directory (policies: clear names need 'personal-data:reveal'), and hints the name
 * for the agent to confirm with the caller.
 */
export const callerContactSchema = z
  .object({
    companyName: z.string().describe('The active business account whose contact lists the number'),
    contactName: z
      .string()
      .nullable()
      .describe('The contact, masked (김*수), when exactly one contact of that account lists the number'),
  })
  .meta({ id: 'CallerContact' });

/** The directory's caller, as the console pre-fills the record with it. */
export type CallerContact = z.output<typeof callerContactSchema>;
