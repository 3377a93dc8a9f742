import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';
import { guideIdSchema } from '../common/guideIdSchema.ts';

/** Body of `POST /api/v1/consultations`: open a consultation for a call or chat. */
export const startConsultationSchema = z.object({
  channel: channelSchema.describe("One of the guide's channels"),
  callerNumber: z.string().max(40).optional().describe('Caller number from the phone system (CTI); optional'),
  guideId: guideIdSchema
    .optional()
    .describe(
      'Default: the default guide (IEUM_DEFAULT_GUIDE, or the only one), or the first guide serving the channel',
    ),
});

/** Parsed input of startConsultation. */
export type StartConsultationInput = z.output<typeof startConsultationSchema>;
