import { z } from 'zod';

/** Path parameters of `/api/v1/webhooks/{id}`. */
export const webhookIdParamsSchema = z.object({ id: z.uuid('웹훅 id 형식이 올바르지 않습니다') });
