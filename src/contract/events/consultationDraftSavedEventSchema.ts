import { z } from 'zod';

/**
 * Live event `consultation.draft-saved` (GET /api/v1/events): a draft of the agent's own
 * consultation was stored. Ids and the revision only; the agent's other tabs fetch the draft.
 */
export const consultationDraftSavedEventSchema = z.object({
  consultationId: z.string(),
  revision: z.number().int(),
  savedAt: z.string().optional(),
});

/** The draft-saved event's data. */
export type ConsultationDraftSavedEvent = z.output<typeof consultationDraftSavedEventSchema>;
