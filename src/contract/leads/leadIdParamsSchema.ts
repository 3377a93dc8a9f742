import { z } from 'zod';

/** Path parameters of `/api/v1/leads/{id}/…`. */
export const leadIdParamsSchema = z.object({ id: z.uuid('리드 id 형식이 올바르지 않습니다') });
