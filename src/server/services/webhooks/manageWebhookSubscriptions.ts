import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { type WebhookSubscriptionRow, webhookRepository } from '../../repositories/webhookRepository.ts';

/** Event types a subscription can ask for. */
export const webhookEventTypes = ['transfer.filed', 'transfer.updated', 'transfer.commented', '*'] as const;

const urlSchema = z.url({ protocol: /^https?$/, error: 'http:// 또는 https:// 주소를 입력하세요' }).max(2000);

/** Body of POST /webhooks. */
export const createWebhookSchema = z.object({
  url: urlSchema,
  eventTypes: z.array(z.enum(webhookEventTypes)).min(1, '받을 이벤트를 하나 이상 고르세요'),
  description: z.string().trim().max(200).default(''),
  active: z.boolean().default(true),
  includePersonalData: z
    .boolean()
    .default(false)
    .describe('Send contact name, phone and e-mail in clear (trusted receivers only); masked otherwise'),
  /** Optional: a secret of your own (≥ 16 characters); otherwise one is generated and shown once. */
  secret: z.string().min(16).max(200).optional(),
});

/** Body of PATCH /webhooks/{id}. */
export const updateWebhookSchema = createWebhookSchema
  .omit({ secret: true })
  .partial()
  .extend({
    rotateSecret: z.boolean().optional().describe('Generate a new secret (shown once in the reply)'),
  });

/** A subscription as admins see it: the secret only right after it was created or rotated. */
export type WebhookSubscriptionView = {
  id: string;
  url: string;
  eventTypes: string[];
  description: string;
  active: boolean;
  includePersonalData: boolean;
  /** Last four characters, to tell secrets apart. */
  secretHint: string;
  secret?: string;
  createdAt: string;
  updatedAt: string;
};

function present(row: WebhookSubscriptionRow, showSecret = false): WebhookSubscriptionView {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes,
    description: row.description,
    active: row.active,
    includePersonalData: row.includePersonalData,
    secretHint: `…${row.secret.slice(-4)}`,
    ...(showSecret ? { secret: row.secret } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64url')}`;

/** Admin management of outbound webhook subscriptions; every change is audited. */
export const manageWebhookSubscriptions = {
  list: async (ctx: AppContext): Promise<WebhookSubscriptionView[]> =>
    (await webhookRepository.listSubscriptions(ctx.database.db)).map((row) => present(row)),

  create: async (
    ctx: AppContext,
    actorId: string,
    input: z.output<typeof createWebhookSchema>,
  ): Promise<WebhookSubscriptionView> => {
    const { secret, ...rest } = input;
    const row = await ctx.database.db.transaction(async (tx) => {
      const created = await webhookRepository.insertSubscription(tx, {
        ...rest,
        secret: secret ?? newSecret(),
        createdBy: actorId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
      await auditRepository.append(tx, {
        actorId,
        action: 'webhook.created',
        subject: `webhook:${created.id}`,
        detail: { url: created.url, eventTypes: created.eventTypes },
      });
      return created;
    });
    return present(row, true);
  },

  update: async (
    ctx: AppContext,
    actorId: string,
    id: string,
    input: z.output<typeof updateWebhookSchema>,
  ): Promise<WebhookSubscriptionView> => {
    const { rotateSecret, ...rest } = input;
    const row = await ctx.database.db.transaction(async (tx) => {
      const updated = await webhookRepository.updateSubscription(tx, id, {
        ...rest,
        ...(rotateSecret ? { secret: newSecret() } : {}),
        updatedAt: ctx.now(),
      });
      if (!updated) throw new AppError('not-found', `웹훅 구독을 찾을 수 없습니다: ${id}`);
      await auditRepository.append(tx, {
        actorId,
        action: 'webhook.updated',
        subject: `webhook:${id}`,
        detail: { fields: Object.keys(rest), rotatedSecret: rotateSecret === true },
      });
      return updated;
    });
    return present(row, rotateSecret === true);
  },

  remove: async (ctx: AppContext, actorId: string, id: string): Promise<void> => {
    await ctx.database.db.transaction(async (tx) => {
      if (!(await webhookRepository.deleteSubscription(tx, id)))
        throw new AppError('not-found', `웹훅 구독을 찾을 수 없습니다: ${id}`);
      await auditRepository.append(tx, { actorId, action: 'webhook.deleted', subject: `webhook:${id}` });
    });
  },
};
