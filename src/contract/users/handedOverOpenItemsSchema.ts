import { z } from 'zod';
import { openItemsMovedSchema } from './openItemsMovedSchema.ts';

/** Answer of `POST /api/v1/users/{id}/open-items/hand-over`: how many were moved, and where. */
export const handedOverOpenItemsSchema = z
  .object({ openItemsMoved: openItemsMovedSchema })
  .meta({ id: 'HandedOverOpenItems' });

/** The hand-over's answer as clients read it. */
export type HandedOverOpenItems = z.output<typeof handedOverOpenItemsSchema>;
