import { z } from 'zod';
import { rotationMemberSchema } from './rotationMemberSchema.ts';
import { transferTypeKeySchema } from './transferTypeKeySchema.ts';

const slaSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('next-business-day'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM 형식이어야 합니다 (예: 12:00)'),
  }),
  z.object({
    kind: z.literal('business-minutes'),
    minutes: z
      .number({ error: '영업 분(分)은 숫자여야 합니다' })
      .int('영업 분(分)은 정수여야 합니다')
      .min(1, '영업 분(分)은 1 이상이어야 합니다')
      .max(60 * 24 * 30, '영업 분(分)은 43200(30일) 이하여야 합니다'),
  }),
]);

/** Body of `PUT /api/v1/transfer-settings`: the listed inquiry types are replaced; others are left as they are. */
export const updateTransferSettingsSchema = z.object({
  types: z
    .array(
      transferTypeKeySchema.extend({
        sla: slaSchema.describe("'next-business-day' at HH:MM (Seoul), or N open business minutes"),
        assignees: z
          .array(rotationMemberSchema)
          .max(100)
          .describe('Rotation order; members off duty are skipped'),
      }),
    )
    .min(1)
    .max(1000),
});

/** Parsed settings change. */
export type UpdateTransferSettingsInput = z.output<typeof updateTransferSettingsSchema>;
