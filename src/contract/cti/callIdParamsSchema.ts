import { z } from 'zod';

/** Path of `/api/v1/cti/calls/{id}` (ieum's call id, not the PBX's). */
export const callIdParamsSchema = z.object({ id: z.uuid('통화 id 형식이 올바르지 않습니다') });
