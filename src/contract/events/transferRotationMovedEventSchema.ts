import { z } from 'zod';

/**
 * Live event `transfer.rotation-moved` (GET /api/v1/events): who the next transfer of this inquiry
 * type goes to may have changed — a colleague filed one (the rotation turned), or an admin changed
 * the type's assignees or SLA. For whoever files transfers, whose form previews the mention
 * (GET /api/v1/transfers/preview) and reads it again. The type only: no transfer, no person.
 */
export const transferRotationMovedEventSchema = z.object({
  /** The guide of the inquiry type; null for a transfer event stored before transfers carried it. */
  guideId: z.string().nullable(),
  inquiryType: z.number().int(),
});

/** The rotation-moved event's data. */
export type TransferRotationMovedEvent = z.output<typeof transferRotationMovedEventSchema>;
