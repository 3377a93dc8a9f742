import type { ListWebhookDeliveriesQuery } from '../../../contract/webhooks/listWebhookDeliveriesQuerySchema.ts';
import type { WebhookDelivery } from '../../../contract/webhooks/webhookDeliverySchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { wordStoredMessage } from '../../i18n/wordStoredMessage.ts';
import { webhookRepository } from '../../repositories/webhookRepository.ts';
import { WEBHOOK_PRIVATE_TARGET, WEBHOOK_SUBSCRIPTION_INACTIVE } from './deliverWebhook.ts';

/** The delivery log, newest first, optionally for one subscription; the server's own reasons worded in `locale`. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  options: ListWebhookDeliveriesQuery,
  locale: Locale = 'ko',
): Promise<WebhookDelivery[]> {
  const rows = await webhookRepository.listDeliveries(ctx.database.db, ctx.fieldCodec, {
    limit: options.limit,
    ...(options.subscriptionId ? { subscriptionId: options.subscriptionId } : {}),
  });
  return rows.map((row) => ({
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    lastError:
      row.lastError === null
        ? null
        : wordStoredMessage(row.lastError, locale, [WEBHOOK_SUBSCRIPTION_INACTIVE, WEBHOOK_PRIVATE_TARGET]),
    responseCode: row.responseCode,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  }));
}
