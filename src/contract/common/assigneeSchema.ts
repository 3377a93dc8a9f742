import { z } from 'zod';
import { personSchema } from './personSchema.ts';

/**
 * Who holds a transfer or lead: the person, and whether their account is disabled — a disabled
 * person can no longer sign in to work it, so screens flag it (사용 중지) and the queue filters it.
 */
export const assigneeSchema = personSchema.extend({
  disabled: z
    .boolean()
    .describe('The account is disabled (사용 중지): nobody is working this until it is reassigned'),
});

/** An assignee as answers name them. */
export type Assignee = z.output<typeof assigneeSchema>;
