import { z } from 'zod';

/** `GET /api/v1/business-hours`: whether the support line is open now, why, and when it next opens. */
export const businessHoursSchema = z.object({
  open: z.boolean(),
  reason: z.enum(['open', 'weekend', 'holiday', 'closure', 'before-hours', 'after-hours']),
  holiday: z.string().nullable(),
  nextOpenAt: z.string(),
  holidayDataMissing: z.boolean(),
});

export type BusinessHours = z.infer<typeof businessHoursSchema>;
