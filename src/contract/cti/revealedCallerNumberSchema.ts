import { z } from 'zod';

/** Answer of `POST /api/v1/cti/missed-calls/{id}/reveal`: the number to call back, in clear (logged). */
export const revealedCallerNumberSchema = z.object({ callerNumber: z.string().nullable() });
