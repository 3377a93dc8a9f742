import { z } from 'zod';
import { callbackOutcomes } from '../../domain/lead/leadStatuses.ts';

/** What happened on a callback (OB) attempt, on the wire. */
export const callbackOutcomeSchema = z.enum(callbackOutcomes, {
  error: `outcome은 ${callbackOutcomes.join(', ')} 중 하나입니다`,
});

/** One callback outcome. */
export type CallbackOutcome = z.output<typeof callbackOutcomeSchema>;
