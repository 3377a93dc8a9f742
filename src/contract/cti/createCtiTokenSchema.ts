import { z } from 'zod';

/** Body of `POST /api/v1/cti/tokens`: one token per PBX integration. */
export const createCtiTokenSchema = z.object({
  name: z.string().trim().min(1, '이름을 입력하세요').max(100).describe('Which PBX or bridge uses it'),
});

/** A new CTI token's fields. */
export type CreateCtiTokenInput = z.output<typeof createCtiTokenSchema>;
