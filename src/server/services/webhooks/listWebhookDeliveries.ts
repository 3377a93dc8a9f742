import type { ListWebhookDeliveriesQuery } from '../../../contract/webhooks/listWebhookDeliveriesQuerySchema.ts';
import type { WebhookDelivery } from '../../../contract/webhooks/webhookDeliverySchema.ts';
import type { AppContext } from '../../appContext.ts';
import { webhookRepository } from '../../repositories/webhookRepository.ts';

/** The delivery log, newest first, optionally for one subscription. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  options: ListWebhookDeliveriesQuery,
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
    lastError: row.lastError,
    responseCode: row.responseCode,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  }));
}
