import { z } from 'zod';
import { channelSchema } from '../../../contract/common/channelSchema.ts';
import { transferStatuses } from '../../../domain/transfer/transferStatuses.ts';

const person = z.object({ id: z.uuid(), name: z.string() });

/** A transfer as the API returns it (OpenAPI component 'Transfer'). */
export const transferSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe("For people: 'T-2026-000123'"),
    kind: z.enum(['transfer', 'lead']),
    status: z.enum(transferStatuses),
    statusLabel: z.string().describe('접수 / 처리중 / 연락완료 / 연락불가 / 종결'),
    nextStatuses: z.array(z.enum(transferStatuses)).describe('Statuses the workflow allows next'),
    inquiryType: z.number().int(),
    inquiryTypeLabel: z.string(),
    channel: channelSchema,
    companyName: z.string().describe('기업명'),
    contactName: z.string().describe('담당자 이름 — masked (홍*동) unless `masked` is false'),
    phone: z.string().nullable().describe('연락처 — masked (010-****-5678) unless `masked` is false'),
    email: z.string().nullable().describe('Masked (ab***@example.com) unless `masked` is false'),
    inquiry: z.string().describe('문의 내용 — phone numbers and addresses in it masked'),
    masked: z.boolean(),
    consultationId: z.uuid().nullable(),
    filedBy: person,
    assignee: person.nullable(),
    dueAt: z.string().describe('SLA due time (business calendar)'),
    retryAt: z.string().nullable().describe('When to call again (연락불가 only)'),
    contactedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sla: z.object({
      state: z.enum(['running', 'overdue', 'met']),
      targetAt: z.string().nullable().describe('Due time, or the retry time while 연락불가; null once met'),
      businessMinutesLeft: z
        .number()
        .int()
        .nullable()
        .describe('Open business minutes left (negative: overdue by); null once met'),
      asOf: z.string(),
    }),
  })
  .meta({ id: 'Transfer' });

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
