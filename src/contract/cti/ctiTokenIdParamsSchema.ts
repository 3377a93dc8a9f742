import { z } from 'zod';

/** Path of `DELETE /api/v1/cti/tokens/{id}`. */
export const ctiTokenIdParamsSchema = z.object({ id: z.uuid('토큰 id 형식이 올바르지 않습니다') });
