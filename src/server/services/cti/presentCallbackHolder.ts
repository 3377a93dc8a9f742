import type { CallbackHolder } from '../../../contract/cti/callbackHolderSchema.ts';
import { type CallbackTaking, currentCallbackHold } from '../../../domain/cti/currentCallbackHold.ts';

/** Who is calling a missed caller back at `now`, as the queue shows it; null when no one is. */
export function presentCallbackHolder(
  taking: CallbackTaking & { name: string | null },
  now: Date,
  holdMinutes: number,
): CallbackHolder | null {
  const hold = currentCallbackHold(taking, now, holdMinutes);
  if (!hold || taking.name === null) return null;
  return { id: hold.userId, name: taking.name, since: hold.since.toISOString() };
}
