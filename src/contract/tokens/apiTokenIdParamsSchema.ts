import { z } from 'zod';

/** Path parameters of `/api/v1/tokens/{id}`. */
export const apiTokenIdParamsSchema = z.object({ id: z.uuid('토큰 id 형식이 올바르지 않습니다') });
