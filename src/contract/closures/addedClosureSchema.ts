import { z } from 'zod';
import { closureSchema } from './closureSchema.ts';
import { retimedItemsSchema } from './retimedItemsSchema.ts';

/**
 * Answer of `POST /api/v1/closures`: the closure, and whether the business calendar kept that day
 * closed already (a weekend, a public holiday), in which case adding it changes no due time, and how
 * many open items' due times it moved past the day.
 */
export const addedClosureSchema = closureSchema
  .extend({
    alreadyClosed: z
      .object({
        reason: z.enum(['weekend', 'holiday']),
        names: z
          .array(z.string())
          .describe("The public holiday's names (e.g. 기독탄신일); empty for a weekend"),
      })
      .nullable()
      .describe('Set when the day was closed already without this closure; null for a business day'),
    retimed: retimedItemsSchema,
  })
  .meta({ id: 'AddedClosure' });

/** A closure just added, as clients read it. */
export type AddedClosure = z.output<typeof addedClosureSchema>;
