import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';

/** A consent record: what notice was read, what was agreed, and how long the data is kept. */
export const consentRecordSchema = z
  .object({
    id: z.uuid(),
    consultationId: z.uuid(),
    noticeId: z.string(),
    noticeVersion: z.string(),
    noticeTextSha256: z.string(),
    agreed: z.boolean(),
    items: z.array(z.string()),
    purpose: z.string(),
    retentionYears: z.number().int(),
    retentionBasis: z.string(),
    retentionEndsAt: z.string(),
    agentId: z.uuid(),
    channel: channelSchema,
    recordedAt: z.string(),
  })
  .meta({ id: 'ConsentRecord' });

/** A consent record as clients read it. */
export type ConsentRecord = z.output<typeof consentRecordSchema>;
