import { z } from 'zod';

/** A person named on a record (filed by, assignee, comment author): their account id and name. */
export const personSchema = z.object({ id: z.uuid(), name: z.string() });

/** A person as answers name them. */
export type Person = z.output<typeof personSchema>;
