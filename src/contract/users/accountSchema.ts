import { z } from 'zod';
import { userSchema } from './userSchema.ts';

/** An account as admins manage it: the user and whether it is disabled. */
export const accountSchema = userSchema
  .extend({
    disabled: z.boolean().describe('A disabled account cannot sign in or use its tokens'),
    extension: z.string().nullable().describe('Phone extension (내선번호): CTI screen pops go to it'),
  })
  .meta({ id: 'Account' });

/** An account as clients read it. */
export type Account = z.output<typeof accountSchema>;
