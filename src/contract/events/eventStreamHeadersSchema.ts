import { z } from 'zod';

/**
 * Request headers of `GET /api/v1/events`. At most 15 digits: every event id fits, and a larger
 * number would be no id at all (and lose precision as a JavaScript number, failing the catch-up query).
 */
export const eventStreamHeadersSchema = z.object({
  'last-event-id': z
    .string()
    .regex(/^\d{1,15}$/, 'Last-Event-ID는 받은 이벤트의 id(숫자 15자리 이하)입니다')
    .optional(),
});
