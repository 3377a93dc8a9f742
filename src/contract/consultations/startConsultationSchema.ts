import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';

/** Body of `POST /api/v1/consultations`: open a consultation for a call or chat. */
export const startConsultationSchema = z.object({
  channel: channelSchema,
  callerNumber: z.string().max(40).optional().describe('Caller number from the phone system (CTI); optional'),
  guideId: z.string().min(1).max(100).default('business-inquiry'),
});

/** Parsed input of startConsultation. */
export type StartConsultationInput = z.output<typeof startConsultationSchema>;
