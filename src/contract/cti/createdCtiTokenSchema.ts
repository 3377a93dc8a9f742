import { z } from 'zod';

/** Answer of `POST /api/v1/cti/tokens`: the token in clear, shown this once (only its hash is kept). */
export const createdCtiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    token: z.string().describe('Put it in the PBX bridge’s URL: /api/v1/cti/{token}'),
  })
  .meta({ id: 'CreatedCtiToken' });

/** A created CTI token. */
export type CreatedCtiToken = z.output<typeof createdCtiTokenSchema>;
