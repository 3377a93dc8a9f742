import { z } from 'zod';
import { transferSchema } from '../../../contract/transfers/transferSchema.ts';

const person = z.object({ id: z.uuid(), name: z.string() });

/** History entry. */
export const transferHistorySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: person.nullable(),
    action: z.enum(['filed', 'status-changed', 'assigned', 'commented']),
    detail: z.record(z.string(), z.unknown()),
    summary: z.string().describe('Korean sentence for the screen'),
  })
  .meta({ id: 'TransferHistoryEntry' });

/** Comment. */
export const transferCommentSchema = z
  .object({
    id: z.uuid(),
    author: person,
    body: z.string(),
    mentions: z.array(person),
    createdAt: z.string(),
  })
  .meta({ id: 'TransferComment' });

/** A transfer with its history and comments. */
export const transferDetailSchema = transferSchema
  .extend({
    history: z.array(transferHistorySchema),
    comments: z.array(transferCommentSchema),
    leadId: z.uuid().nullable().describe('the sign-up lead a lead transfer carries'),
  })
  .meta({ id: 'TransferDetail' });

const slaRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('next-business-day'), time: z.string() }),
  z.object({ kind: z.literal('business-minutes'), minutes: z.number().int() }),
]);

/** Transfer settings (SLA and assignees per inquiry type). */
export const transferSettingsSchema = z
  .object({
    types: z.array(
      z.object({
        inquiryType: z.number().int(),
        label: z.string(),
        sla: slaRuleSchema,
        assignees: z.array(z.object({ userId: z.uuid(), name: z.string(), onDuty: z.boolean() })),
        nextAssignee: person.nullable(),
      }),
    ),
    candidates: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
  })
  .meta({ id: 'TransferSettings' });

/** What filing now would do. */
export const transferPreviewSchema = z
  .object({
    inquiryType: z.number().int(),
    assignee: person.nullable().describe('The person the transfer will name (the guide’s 담당자 멘션)'),
    sla: slaRuleSchema,
    dueAt: z.string(),
  })
  .meta({ id: 'TransferFilingPreview' });

/** A webhook subscription. */
export const webhookSubscriptionSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    eventTypes: z.array(z.string()),
    description: z.string(),
    active: z.boolean(),
    includePersonalData: z.boolean(),
    secretHint: z.string(),
    secret: z.string().optional().describe('Only in the reply that created or rotated it'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookSubscription' });

/** A webhook delivery log entry. */
export const webhookDeliverySchema = z
  .object({
    id: z.uuid().describe('Sent as X-Ieum-Delivery'),
    subscriptionId: z.uuid(),
    eventType: z.string(),
    status: z.enum(['pending', 'delivered', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    responseCode: z.number().int().nullable(),
    createdAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });
