import { z } from 'zod';

/** The support line an answer is about, as its guide declares it (`supportLine`). */
const supportLineHoursSchema = z.object({
  guideId: z.string().describe('The guide whose support line this is'),
  name: z.string().describe("The line's name as the guide writes it (e.g. 비즈니스 전용 상담센터)"),
  phone: z.string(),
  days: z.enum(['weekdays']).describe('The days the line is open (holidays and closures excepted)'),
  opens: z.string().describe('HH:MM, Asia/Seoul'),
  closes: z
    .string()
    .describe('HH:MM, Asia/Seoul; the line is open from `opens` up to (not including) `closes`'),
});

/** `GET /api/v1/business-hours`: whether the support line is open at an instant, why, and when it next opens. */
export const businessHoursSchema = z
  .object({
    open: z.boolean(),
    reason: z.enum(['open', 'weekend', 'holiday', 'closure', 'before-hours', 'after-hours']),
    holiday: z.string().nullable().describe('Holiday or closure name(s) of that day, if any'),
    nextOpenAt: z.string().describe('ISO-8601 with +09:00; equals `at` when open'),
    holidayDataMissing: z.boolean().describe('True when no public-holiday data exists for a year involved'),
    line: supportLineHoursSchema.describe(
      'The line decided on and its hours, from the guide: what a screen says the hours are',
    ),
  })
  .meta({ id: 'BusinessHours' });

/** The business-hours state as clients read it. */
export type BusinessHours = z.output<typeof businessHoursSchema>;
