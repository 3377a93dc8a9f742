import { z } from 'zod';

/** Path of a KakaoTalk conversation or consultation resource. */
export const kakaoIdParamsSchema = z.object({ id: z.uuid('id 형식이 올바르지 않습니다') });
