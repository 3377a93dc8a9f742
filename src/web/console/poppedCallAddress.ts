import type { CallPop } from '../../contract/cti/callPopSchema.ts';
import { callAddress } from './useCallResume.ts';

/** The query parameter naming the popped call a tab was opened on: that tab shows its pop. */
export const poppedCallParam = 'call';

/**
 * A popped call's own address: its consultation (resumed from its draft, as any call in progress)
 * and the call whose pop the tab shows — the caller and the directory's suggestion go with it,
 * however long ago it was answered.
 */
export const poppedCallAddress = (pop: Pick<CallPop, 'callId'> & { consultationId: string }): string =>
  `${callAddress(pop.consultationId)}&${poppedCallParam}=${encodeURIComponent(pop.callId)}`;
