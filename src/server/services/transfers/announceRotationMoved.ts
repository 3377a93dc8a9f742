import type { TransferRotationMovedEvent } from '../../../contract/events/transferRotationMovedEventSchema.ts';
import type { Database } from '../../db/openDatabase.ts';
import { publishEvent } from '../../events/publishEvent.ts';

/**
 * Tells the transfer forms open on these inquiry types that their preview (the next assignee, the
 * due time) may have changed: one `transfer.rotation-moved` event per type, stored with the
 * settings change that moved it, so it goes out only if that commits.
 */
export async function announceRotationMoved(
  tx: Database,
  types: ReadonlyArray<{ guideId: string; inquiryType: number }>,
): Promise<void> {
  for (const { guideId, inquiryType } of types) {
    const data: TransferRotationMovedEvent = { guideId, inquiryType };
    await publishEvent(tx, { type: 'transfer.rotation-moved', data });
  }
}
