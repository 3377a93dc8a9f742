import { z } from 'zod';
import { liveFloorFigureIds, liveFloorFigureUnits } from '../../domain/floor/liveFloorFigures.ts';
import { backlogAgeBuckets } from '../../domain/report/reportFigureIds.ts';
import { channelSchema } from '../common/channelSchema.ts';
import { personSchema } from '../common/personSchema.ts';
import { transferKindSchema } from '../transfers/transferKindSchema.ts';
import { transferStatusSchema } from '../transfers/transferStatusSchema.ts';

/** The report's backlog age buckets (business time since filing). */
const bucketSchema = z.enum(backlogAgeBuckets);

/** An open transfer named on the floor: ids, type and workflow state only (no personal data). */
const floorTransferSchema = z.object({
  transferId: z.uuid(),
  number: z.string(),
  kind: transferKindSchema,
  guideId: z.string(),
  inquiryType: z.number().int(),
  inquiryTypeLabel: z.string(),
  status: transferStatusSchema,
  statusLabel: z.string(),
  createdAt: z.string().describe('Filing time, ISO 8601 with +09:00'),
  dueAt: z.string().describe('SLA due time (business hours), ISO 8601 with +09:00'),
  assignee: personSchema.nullable(),
  waitingBusinessMinutes: z.number().int().describe('Business minutes from filing to now'),
});

/**
 * `GET /api/v1/reports/floor`: how the floor is doing now — agents on a call or chat, transfers
 * waiting for contact by inquiry type and age (business time), the oldest one, and today's SLA
 * breaches. Figures carry their name and formula in the request language. No personal data: the screen refetches it on the
 * live events listed in `liveFloorEventTypes`.
 */
export const liveFloorSchema = z
  .object({
    generatedAt: z.string().describe('The instant measured, ISO 8601 with +09:00'),
    timeZone: z.literal('Asia/Seoul'),
    businessHoursOpen: z.boolean().describe('Whether the business calendar is open now'),
    figures: z.array(
      z.object({
        id: z.enum(liveFloorFigureIds),
        value: z.number().nullable().describe('Null when there is nothing to measure (no open transfer)'),
        unit: z.enum(liveFloorFigureUnits),
        label: z.string().describe('Name in the request language (Accept-Language; Korean by default)'),
        definition: z
          .string()
          .describe(
            'The formula, shown beside the figure, in the request language (Accept-Language; Korean by default)',
          ),
      }),
    ),
    agentsOnCall: z.array(
      z.object({
        agent: personSchema,
        consultationId: z.uuid().describe("The agent's most recently started open consultation"),
        channel: channelSchema,
        startedAt: z.string(),
        lastActivityAt: z
          .string()
          .describe(
            'When the agent last worked on any of their open consultations (its start or a draft save): a call idle for long is likely left open, not in progress',
          ),
        openConsultations: z.number().int().describe('How many consultations the agent has open'),
      }),
    ),
    ageBuckets: z.array(z.object({ bucket: bucketSchema, label: z.string(), count: z.number().int() })),
    openTransfersByType: z.array(
      z.object({
        guideId: z.string(),
        inquiryType: z.number().int(),
        inquiryTypeLabel: z.string(),
        count: z.number().int(),
        byAge: z.array(z.object({ bucket: bucketSchema, count: z.number().int() })),
      }),
    ),
    oldestWaiting: floorTransferSchema.nullable(),
    slaBreachesToday: z
      .array(floorTransferSchema)
      .describe('Up to 100, due time first; the figure floor.slaBreachesToday counts all'),
  })
  .meta({ id: 'LiveFloor' });

/** The live floor as clients read it. */
export type LiveFloor = z.output<typeof liveFloorSchema>;
