import { z } from 'zod';

/** Path parameters of `/api/v1/consultations/{id}/…`. */
export const consultationIdParamsSchema = z.object({ id: z.uuid('상담 id 형식이 올바르지 않습니다') });
