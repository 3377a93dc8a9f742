import { z } from 'zod';
import { openItemsChoiceSchema } from './openItemsChoiceSchema.ts';

/**
 * Body of `POST /api/v1/users/{id}/open-items/hand-over`: what becomes of the open transfers and
 * leads a disabled account still holds — the same choice, under the same name, as disabling it
 * with `openItems` (PATCH /api/v1/users/{id}).
 */
export const handOverOpenItemsSchema = z.object({
  openItems: openItemsChoiceSchema.describe(
    "'rotation' (the next member on duty of each inquiry type, else unassigned) or 'unassigned'",
  ),
});

/** Parsed body of the hand-over. */
export type HandOverOpenItemsInput = z.output<typeof handOverOpenItemsSchema>;
