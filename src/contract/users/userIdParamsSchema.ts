import { z } from 'zod';

/** Path parameters of `/api/v1/users/{id}`. */
export const userIdParamsSchema = z.object({ id: z.uuid('사용자 id 형식이 올바르지 않습니다') });
