import { z } from 'zod';

/**
 * Live event `call.answered` (GET /api/v1/events): a call the PBX reported answered at this agent's
 * extension; only that agent's streams carry it (canSeeEvent). Ids only: the console fetches the
 * screen pop from `GET /api/v1/cti/calls/{callId}`.
 */
export const callAnsweredEventSchema = z.object({
  callId: z.string(),
  consultationId: z.string().nullable(),
  agentId: z.string(),
});

/** The call-answered event's data. */
export type CallAnsweredEvent = z.output<typeof callAnsweredEventSchema>;
