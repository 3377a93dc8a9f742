import { z } from 'zod';

/** Path of `POST /api/v1/cti/{token}`: the integration's token (PBX bridges cannot send headers). */
export const ctiTokenPathSchema = z.object({
  token: z.string().min(1).max(100).describe('The CTI token of the PBX integration'),
});
