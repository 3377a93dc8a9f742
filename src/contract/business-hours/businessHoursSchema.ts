import { z } from 'zod';

/** `GET /api/v1/business-hours`: whether the support line is open at an instant, why, and when it next opens. */
export const businessHoursSchema = z
  .object({
    open: z.boolean(),
    reason: z.enum(['open', 'weekend', 'holiday', 'closure', 'before-hours', 'after-hours']),
    holiday: z.string().nullable().describe('Holiday or closure name(s) of that day, if any'),
    nextOpenAt: z.string().describe('ISO-8601 with +09:00; equals `at` when open'),
    holidayDataMissing: z.boolean().describe('True when no public-holiday data exists for a year involved'),
  })
  .meta({ id: 'BusinessHours' });

/** The business-hours state as clients read it. */
export type BusinessHours = z.output<typeof businessHoursSchema>;
