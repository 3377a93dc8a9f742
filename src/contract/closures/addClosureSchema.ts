import { z } from 'zod';
import { requestDateSchema } from '../common/requestDateSchemas.ts';

/** Body of `POST /api/v1/closures`: a closure or temporary holiday. */
export const addClosureSchema = z.object({
  date: requestDateSchema('date는 YYYY-MM-DD 형식이어야 합니다'),
  name: z.string().trim().min(1, '휴무 사유를 입력하세요').max(100),
});

/** Parsed new closure. */
export type AddClosureInput = z.output<typeof addClosureSchema>;
