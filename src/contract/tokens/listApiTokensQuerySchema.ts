import { z } from 'zod';

/** Query of `GET /api/v1/tokens`. */
export const listApiTokensQuerySchema = z.object({
  userId: z
    .uuid('사용자 id 형식이 올바르지 않습니다')
    .optional()
    .describe('Only this account’s tokens (admins)'),
});
