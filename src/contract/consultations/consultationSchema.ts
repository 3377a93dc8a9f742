import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';
import { consultationStatusSchema } from './consultationStatusSchema.ts';

/** A consultation as the API returns it (personal data masked except for its own agent's reply). */
export const consultationSchema = z
  .object({
    id: z.uuid(),
    channel: channelSchema,
    callerNumber: z
      .string()
      .nullable()
      .describe('Masked (010-****-5678) except in the reply to its own agent'),
    status: consultationStatusSchema,
    guideId: z.string(),
    guideVersion: z.string().describe('The guide content version the agent read'),
    scriptId: z.string().nullable(),
    inquiryType: z.number().int().nullable(),
    history: z.array(z.object({ nodeId: z.string(), answer: z.string() })),
    outcome: z.string().nullable(),
    businessHoursOpen: z.boolean().nullable(),
    record: z.object({ category: z.string(), title: z.string(), body: z.string() }).nullable(),
    agent: z.object({ id: z.uuid(), name: z.string() }),
    startedAt: z.string(),
    completedAt: z.string().nullable(),
    personalDataErasedAt: z
      .string()
      .nullable()
      .describe('When retention or a data-subject request erased the personal fields'),
    directoryMatched: z
      .boolean()
      .nullable()
      .describe(
        "Started by a CTI answer: whether the business directory knew the caller's number as a registered contact (null otherwise)",
      ),
  })
  .meta({ id: 'Consultation' });

/** A consultation as clients read it. */
export type Consultation = z.output<typeof consultationSchema>;
