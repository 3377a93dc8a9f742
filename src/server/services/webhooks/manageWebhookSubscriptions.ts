import { randomBytes } from 'node:crypto';
import type { CreateWebhookInput } from '../../../contract/webhooks/createWebhookSchema.ts';
import type { UpdateWebhookInput } from '../../../contract/webhooks/updateWebhookSchema.ts';
import type { WebhookSubscription } from '../../../contract/webhooks/webhookSubscriptionSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { type WebhookSubscriptionRow, webhookRepository } from '../../repositories/webhookRepository.ts';
import { isPrivateWebhookUrl } from './checkWebhookTarget.ts';
import { forgetWebhookSubscriptions, WEBHOOKS_CHANGED } from './loadWebhookSubscriptions.ts';

function present(row: WebhookSubscriptionRow, showSecret = false): WebhookSubscription {
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

/**
 * A 400 naming the url field when it carries a user name or password (fetch refuses such URLs, so
 * every delivery would fail) or points into this host or its private network.
 */
function refuseUnusableUrl(ctx: AppContext, url: string): void {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) {
    const message = msg('webhooks.urlHasCredentials');
    throw new AppError('validation-failed', message, [{ where: '/url', message }]);
  }
  // Its one refusal is a private target: worded from the catalogue by key, so an English caller
  // reads why (and the setting that allows it) rather than a general "cannot be sent there".
  if (isPrivateWebhookUrl(url, ctx.env.IEUM_WEBHOOK_ALLOW_PRIVATE)) {
    const message = msg('webhooks.privateTarget');
    throw new AppError('validation-failed', message, [{ where: '/url', message }]);
  }
}

/**
 * Admin management of outbound webhook subscriptions; every change is audited and announced
 * (`webhook.changed`, ids only, on no screen's stream) so every instance re-reads its cached list.
 */
export const manageWebhookSubscriptions = {
  list: async (ctx: AppContext): Promise<WebhookSubscription[]> =>
    (await webhookRepository.listSubscriptions(ctx.database.db)).map((row) => present(row)),

  create: async (
    ctx: AppContext,
    actorId: string,
    input: CreateWebhookInput,
  ): Promise<WebhookSubscription> => {
    refuseUnusableUrl(ctx, input.url);
    const { secret, ...rest } = input;
    const row = await ctx.database.db.transaction(async (tx) => {
      const created = await webhookRepository.insertSubscription(tx, {
        ...rest,
        secret: secret ?? newSecret(),
        createdBy: actorId,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId,
        action: 'webhook.created',
        subject: `webhook:${created.id}`,
        detail: { url: created.url, eventTypes: created.eventTypes },
      });
      await publishEvent(tx, { type: WEBHOOKS_CHANGED, data: { id: created.id } });
      return created;
    });
    forgetWebhookSubscriptions(ctx);
    return present(row, true);
  },

  update: async (
    ctx: AppContext,
    actorId: string,
    id: string,
    input: UpdateWebhookInput,
  ): Promise<WebhookSubscription> => {
    if (input.url !== undefined) refuseUnusableUrl(ctx, input.url);
    const { rotateSecret, ...rest } = input;
    const row = await ctx.database.db.transaction(async (tx) => {
      const updated = await webhookRepository.updateSubscription(tx, id, {
        ...rest,
        ...(rotateSecret ? { secret: newSecret() } : {}),
        updatedAt: ctx.now(),
      });
      if (!updated) throw new AppError('not-found', msg('common.webhookNotFound', { id }));
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId,
        action: 'webhook.updated',
        subject: `webhook:${id}`,
        // The secret's own value is never logged: that one was given is.
        detail: {
          fields: Object.keys(rest).filter((field) => field !== 'secret'),
          rotatedSecret: rotateSecret === true,
          setSecret: rest.secret !== undefined,
        },
      });
      await publishEvent(tx, { type: WEBHOOKS_CHANGED, data: { id } });
      return updated;
    });
    forgetWebhookSubscriptions(ctx);
    // A new secret, generated or given, is shown once, as at creation.
    return present(row, rotateSecret === true || rest.secret !== undefined);
  },

  remove: async (ctx: AppContext, actorId: string, id: string): Promise<void> => {
    await ctx.database.db.transaction(async (tx) => {
      if (!(await webhookRepository.deleteSubscription(tx, id)))
        throw new AppError('not-found', msg('common.webhookNotFound', { id }));
      await auditRepository.append(tx, ctx.fieldKeys, {
        at: ctx.now(),
        actorId,
        action: 'webhook.deleted',
        subject: `webhook:${id}`,
      });
      await publishEvent(tx, { type: WEBHOOKS_CHANGED, data: { id } });
    });
    forgetWebhookSubscriptions(ctx);
  },
};
