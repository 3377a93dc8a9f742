import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';

/** Types of the consultation start and save events on `GET /api/v1/events`. */
export const consultationLifecycleEventTypeSchema = z.enum([
  'consultation.started',
  'consultation.completed',
]);

/**
 * Data of `consultation.started` and `consultation.completed` (GET /api/v1/events): which agent
 * began or saved which consultation, on which channel. Ids only; carried to the agent's own streams
 * and to whoever reads the live floor (supervisors, admins).
 */
export const consultationLifecycleEventSchema = z.object({
  consultationId: z.uuid(),
  agentId: z.uuid(),
  channel: channelSchema,
});

/** A consultation start or save event's data. */
export type ConsultationLifecycleEvent = z.output<typeof consultationLifecycleEventSchema>;
