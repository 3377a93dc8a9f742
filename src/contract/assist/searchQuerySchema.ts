import { z } from 'zod';

/** Query of `GET /api/v1/search`. */
export const searchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q를 입력하세요').max(100, 'q는 100자 이하입니다'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
