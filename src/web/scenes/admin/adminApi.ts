import { z } from 'zod';
import { requestJson } from '../../api/requestJson.ts';
import { userRoleSchema } from '../../api/sessionSchema.ts';

const accountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: userRoleSchema,
  disabled: z.boolean(),
});
/** An account as `GET /api/v1/users` lists it. */
export type Account = z.infer<typeof accountSchema>;

/** A new account as the form sends it. */
export type NewAccount = { name: string; email: string; role: Account['role']; password: string };

const closureSchema = z.object({ id: z.string(), date: z.string(), name: z.string(), createdAt: z.string() });
/** A company closure (회사 휴무일): the business calendar treats the day as closed. */
export type Closure = z.infer<typeof closureSchema>;

const slaRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('next-business-day'), time: z.string() }),
  z.object({ kind: z.literal('business-minutes'), minutes: z.number() }),
]);
/** When a transfer of a type is due: the next business day at a time, or N open business minutes. */
export type SlaRule = z.infer<typeof slaRuleSchema>;

const transferSettingsSchema = z.object({
  types: z.array(
    z.object({
      inquiryType: z.number(),
      label: z.string(),
      sla: slaRuleSchema,
      assignees: z.array(z.object({ userId: z.string(), name: z.string(), onDuty: z.boolean() })),
      nextAssignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});
/** `GET /api/v1/transfer-settings`. */
export type TransferSettings = z.infer<typeof transferSettingsSchema>;
/** One inquiry type's SLA and assignee rotation. */
export type TransferTypeSettings = TransferSettings['types'][number];

/** One inquiry type's settings as `PUT /api/v1/transfer-settings` takes them. */
export type TransferTypeUpdate = {
  inquiryType: number;
  sla: SlaRule;
  assignees: Array<{ userId: string; onDuty: boolean }>;
};

/** Event types a webhook subscription can ask for (`*`: all of them). */
export const webhookEventTypes = ['transfer.filed', 'transfer.updated', 'transfer.commented', '*'] as const;
/** A webhook event type. */
export type WebhookEventType = (typeof webhookEventTypes)[number];

const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  description: z.string(),
  active: z.boolean(),
  includePersonalData: z.boolean(),
  secretHint: z.string(),
  secret: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
/** A webhook subscription; `secret` only in the reply that created or rotated it. */
export type Webhook = z.infer<typeof webhookSchema>;

/** A new subscription as the form sends it. */
export type NewWebhook = {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
  includePersonalData: boolean;
};

const webhookDeliverySchema = z.object({
  id: z.string(),
  subscriptionId: z.string(),
  eventType: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  responseCode: z.number().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
/** One entry of the webhook delivery log. */
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

/** Query keys of the admin screen. */
export const adminKeys = {
  users: ['admin', 'users'] as const,
  closures: ['admin', 'closures'] as const,
  transferSettings: ['admin', 'transfer-settings'] as const,
  webhooks: ['admin', 'webhooks'] as const,
  webhookDeliveries: ['admin', 'webhook-deliveries'] as const,
};

const idPath = (base: string, id: string) => `${base}/${encodeURIComponent(id)}`;

/** Calls of the admin screen. */
export const adminApi = {
  listUsers: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/users', schema: z.object({ items: z.array(accountSchema) }), signal }),
  createUser: (account: NewAccount) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/users',
      body: account,
      schema: accountSchema.omit({ disabled: true }),
    }),
  setUserDisabled: (id: string, disabled: boolean) =>
    requestJson({
      method: 'PATCH',
      path: idPath('/api/v1/users', id),
      body: { disabled },
      schema: accountSchema,
    }),
  createOwnToken: (name: string) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/tokens',
      body: { name },
      schema: z.object({ id: z.string(), token: z.string() }),
    }),

  listClosures: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/closures', schema: z.object({ items: z.array(closureSchema) }), signal }),
  addClosure: (closure: { date: string; name: string }) =>
    requestJson({ method: 'POST', path: '/api/v1/closures', body: closure, schema: closureSchema }),
  removeClosure: (id: string) =>
    requestJson({ method: 'DELETE', path: idPath('/api/v1/closures', id), schema: z.undefined() }),

  transferSettings: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/transfer-settings', schema: transferSettingsSchema, signal }),
  updateTransferType: (type: TransferTypeUpdate) =>
    requestJson({
      method: 'PUT',
      path: '/api/v1/transfer-settings',
      body: { types: [type] },
      schema: transferSettingsSchema,
    }),

  listWebhooks: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/webhooks', schema: z.object({ items: z.array(webhookSchema) }), signal }),
  createWebhook: (webhook: NewWebhook) =>
    requestJson({ method: 'POST', path: '/api/v1/webhooks', body: webhook, schema: webhookSchema }),
  updateWebhook: (id: string, change: { active?: boolean; rotateSecret?: boolean }) =>
    requestJson({
      method: 'PATCH',
      path: idPath('/api/v1/webhooks', id),
      body: change,
      schema: webhookSchema,
    }),
  removeWebhook: (id: string) =>
    requestJson({ method: 'DELETE', path: idPath('/api/v1/webhooks', id), schema: z.unknown() }),
  webhookDeliveries: (signal?: AbortSignal) =>
    requestJson({
      path: '/api/v1/webhook-deliveries?limit=50',
      schema: z.object({ items: z.array(webhookDeliverySchema) }),
      signal,
    }),
};
