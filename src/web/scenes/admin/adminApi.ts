import { z } from 'zod';
import { addClosureSchema } from '../../../contract/closures/addClosureSchema.ts';
import { addedClosureSchema } from '../../../contract/closures/addedClosureSchema.ts';
import { closureListSchema } from '../../../contract/closures/closureListSchema.ts';
import { apiTokenListSchema } from '../../../contract/tokens/apiTokenListSchema.ts';
import { createApiTokenSchema } from '../../../contract/tokens/createApiTokenSchema.ts';
import { createdApiTokenSchema } from '../../../contract/tokens/createdApiTokenSchema.ts';
import { transferSettingsSchema } from '../../../contract/transfers/transferSettingsSchema.ts';
import { updateTransferSettingsSchema } from '../../../contract/transfers/updateTransferSettingsSchema.ts';
import { accountListSchema } from '../../../contract/users/accountListSchema.ts';
import { accountSchema } from '../../../contract/users/accountSchema.ts';
import { createUserSchema } from '../../../contract/users/createUserSchema.ts';
import { handedOverOpenItemsSchema } from '../../../contract/users/handedOverOpenItemsSchema.ts';
import { handOverOpenItemsSchema } from '../../../contract/users/handOverOpenItemsSchema.ts';
import type { OpenItemsChoice } from '../../../contract/users/openItemsChoiceSchema.ts';
import { setUserDisabledSchema } from '../../../contract/users/setUserDisabledSchema.ts';
import { updatedAccountSchema } from '../../../contract/users/updatedAccountSchema.ts';
import { userOpenItemsSchema } from '../../../contract/users/userOpenItemsSchema.ts';
import { userSchema } from '../../../contract/users/userSchema.ts';
import { createWebhookSchema } from '../../../contract/webhooks/createWebhookSchema.ts';
import { updateWebhookSchema } from '../../../contract/webhooks/updateWebhookSchema.ts';
import { webhookDeliveryListSchema } from '../../../contract/webhooks/webhookDeliveryListSchema.ts';
import { webhookSubscriptionListSchema } from '../../../contract/webhooks/webhookSubscriptionListSchema.ts';
import { webhookSubscriptionSchema } from '../../../contract/webhooks/webhookSubscriptionSchema.ts';
import { requestJson } from '../../api/requestJson.ts';

/** A new account as the form sends it. */
export type NewAccount = z.input<typeof createUserSchema>;

/** One inquiry type's settings as `PUT /api/v1/transfer-settings` takes them. */
export type TransferTypeUpdate = z.input<typeof updateTransferSettingsSchema>['types'][number];

/** A new subscription as the form holds it (every field the form shows, filled). */
export type NewWebhook = Required<
  Pick<z.input<typeof createWebhookSchema>, 'url' | 'description' | 'eventTypes' | 'includePersonalData'>
>;

/** Query keys of the admin screen. */
export const adminKeys = {
  users: ['admin', 'users'] as const,
  openItems: (id: string) => ['admin', 'users', id, 'open-items'] as const,
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
    requestJson({ path: '/api/v1/users', schema: accountListSchema, signal }),
  createUser: (account: NewAccount) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/users',
      bodySchema: createUserSchema,
      body: account,
      schema: userSchema,
    }),
  /** Disables or enables an account; disabling with `openItems` hands its open transfers and leads over. */
  setUserDisabled: (id: string, disabled: boolean, openItems?: OpenItemsChoice) =>
    requestJson({
      method: 'PATCH',
      path: idPath('/api/v1/users', id),
      bodySchema: setUserDisabledSchema,
      body: { disabled, ...(openItems ? { openItems } : {}) },
      schema: updatedAccountSchema,
    }),
  /** What disabling an account would leave behind: its open transfers and leads, and whether it is the last business-team account. */
  userOpenItems: (id: string, signal?: AbortSignal) =>
    requestJson({ path: `${idPath('/api/v1/users', id)}/open-items`, schema: userOpenItemsSchema, signal }),
  /** Hands over the open transfers and leads a disabled account still holds. */
  handOverOpenItems: (id: string, openItems: OpenItemsChoice) =>
    requestJson({
      method: 'POST',
      path: `${idPath('/api/v1/users', id)}/open-items/hand-over`,
      bodySchema: handOverOpenItemsSchema,
      body: { openItems },
      schema: handedOverOpenItemsSchema,
    }),
  /** Sets or clears an account's phone extension (CTI screen pops go to it). */
  setUserExtension: (id: string, extension: string | null) =>
    requestJson({
      method: 'PATCH',
      path: idPath('/api/v1/users', id),
      bodySchema: setUserDisabledSchema,
      body: { extension },
      schema: accountSchema,
    }),
  createOwnToken: (request: z.input<typeof createApiTokenSchema>) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/tokens',
      bodySchema: createApiTokenSchema,
      body: request,
      schema: createdApiTokenSchema,
    }),
  listTokens: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/tokens', schema: apiTokenListSchema, signal }),
  revokeToken: (id: string) =>
    requestJson({ method: 'DELETE', path: idPath('/api/v1/tokens', id), schema: z.undefined() }),

  listClosures: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/closures', schema: closureListSchema, signal }),
  addClosure: (closure: z.input<typeof addClosureSchema>) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/closures',
      bodySchema: addClosureSchema,
      body: closure,
      schema: addedClosureSchema,
    }),
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
