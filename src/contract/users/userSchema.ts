import { z } from 'zod';
import { roleSchema } from './roleSchema.ts';

/** A user as answers show them (never a password or a token). */
export const userSchema = z
  .object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema })
  .meta({ id: 'User' });

/** A user as clients read it. */
export type User = z.output<typeof userSchema>;
