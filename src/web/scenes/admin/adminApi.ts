import { z } from 'zod';
import { apiTokenListSchema } from '../../../contract/tokens/apiTokenListSchema.ts';
import { createdApiTokenSchema } from '../../../contract/tokens/createdApiTokenSchema.ts';
import { transferSettingsSchema } from '../../../contract/transfers/transferSettingsSchema.ts';
import { updateTransferSettingsSchema } from '../../../contract/transfers/updateTransferSettingsSchema.ts';
import { createWebhookSchema } from '../../../contract/webhooks/createWebhookSchema.ts';
import { updateWebhookSchema } from '../../../contract/webhooks/updateWebhookSchema.ts';
import { webhookDeliveryListSchema } from '../../../contract/webhooks/webhookDeliveryListSchema.ts';
import { webhookSubscriptionListSchema } from '../../../contract/webhooks/webhookSubscriptionListSchema.ts';
import { webhookSubscriptionSchema } from '../../../contract/webhooks/webhookSubscriptionSchema.ts';
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

/** One inquiry type's settings as `PUT /api/v1/transfer-settings` takes them. */
export type TransferTypeUpdate = z.input<typeof updateTransferSettingsSchema>['types'][number];

/** A new subscription as the form holds it (every field the form shows, filled). */
export type NewWebhook = Required<
  Pick<z.input<typeof createWebhookSchema>, 'url' | 'description' | 'eventTypes' | 'includePersonalData'>
>;

/** Query keys of the admin screen. */
export const adminKeys = {
  users: ['admin', 'users'] as const,
  tokens: ['admin', 'tokens'] as const,
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
  createOwnToken: (request: { name: string; expiresInDays?: number }) =>
    requestJson({ method: 'POST', path: '/api/v1/tokens', body: request, schema: createdApiTokenSchema }),
  listTokens: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/tokens', schema: apiTokenListSchema, signal }),
  revokeToken: (id: string) =>
    requestJson({ method: 'DELETE', path: idPath('/api/v1/tokens', id), schema: z.undefined() }),

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
      bodySchema: updateTransferSettingsSchema,
      body: { types: [type] },
      schema: transferSettingsSchema,
    }),

  listWebhooks: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/webhooks', schema: webhookSubscriptionListSchema, signal }),
  createWebhook: (webhook: NewWebhook) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/webhooks',
      bodySchema: createWebhookSchema,
      body: webhook,
      schema: webhookSubscriptionSchema,
    }),
  updateWebhook: (id: string, change: z.input<typeof updateWebhookSchema>) =>
    requestJson({
      method: 'PATCH',
      path: idPath('/api/v1/webhooks', id),
      bodySchema: updateWebhookSchema,
      body: change,
      schema: webhookSubscriptionSchema,
    }),
  removeWebhook: (id: string) =>
    requestJson({ method: 'DELETE', path: idPath('/api/v1/webhooks', id), schema: z.undefined() }),
  webhookDeliveries: (signal?: AbortSignal) =>
    requestJson({
      path: '/api/v1/webhook-deliveries?limit=50',
      schema: webhookDeliveryListSchema,
      signal,
    }),
};
