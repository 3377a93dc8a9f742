import type { CallbackHolder } from '../../../contract/cti/callbackHolderSchema.ts';
import type { CallerIdentity } from '../../../contract/cti/callerIdentitySchema.ts';
import type { MissedCall } from '../../../contract/cti/missedCallSchema.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { CallRow } from '../../repositories/callRepository.ts';

/**
 * A missed call's callback as the queue shows it: the number masked (revealed with a reason) and
 * who it is by the directory (identifyCallers: masked as the pop shows it; null without a number).
 */
export function presentMissedCall(
  call: CallRow,
  doneByName: string | null,
  caller: CallerIdentity | null,
  /** Who is calling back now (presentCallbackHolder); null when no one, or the callback is closed. */
  heldBy: CallbackHolder | null,
): MissedCall {
  return {
    id: call.id,
    callerNumber: call.customerNumber ? maskPhone(call.customerNumber) : null,
    caller,
    queue: call.queue,
    cause: call.cause,
    startedAt: call.startedAt.toISOString(),
    endedAt: call.endedAt?.toISOString() ?? null,
    callbackStatus: call.callbackStatus ?? 'open',
    callbackDueAt: (call.callbackDueAt ?? call.startedAt).toISOString(),
    callbackDoneAt: call.callbackDoneAt?.toISOString() ?? null,
    callbackDoneByName: doneByName,
    callbackHeldBy: call.callbackStatus === 'open' ? heldBy : null,
  };
}
