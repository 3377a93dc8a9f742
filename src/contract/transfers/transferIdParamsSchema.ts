import { z } from 'zod';

/** Path parameters of `/api/v1/transfers/{id}/…`. */
export const transferIdParamsSchema = z.object({ id: z.uuid('이관 id 형식이 올바르지 않습니다') });
