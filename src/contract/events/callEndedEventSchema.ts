import { z } from 'zod';

/**
 * Live event `call.ended` (GET /api/v1/events): the PBX reported the hangup of a call answered at
 * this agent's extension — the caller hung up, or the agent did; only that agent's streams carry
 * it (canSeeEvent). Ids only: the console reads the pop again (`state: ended`, `endedAt`).
 */
export const callEndedEventSchema = z.object({
  callId: z.string(),
  consultationId: z.string().nullable(),
  agentId: z.string(),
});

/** The call-ended event's data. */
export type CallEndedEvent = z.output<typeof callEndedEventSchema>;
