import type { AppContext } from '../../appContext.ts';
import { webhookRepository } from '../../repositories/webhookRepository.ts';

/**
 * One delivery in the log. The body is left out: with `includePersonalData` it carries contact
 * details in clear, and the log is for diagnosing delivery, not for reading transfers.
 */
export type WebhookDeliveryView = {
  id: string;
  subscriptionId: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  lastError: string | null;
  responseCode: number | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
};

/** The delivery log, newest first, optionally for one subscription. */
export async function listWebhookDeliveries(
  ctx: AppContext,
  options: { subscriptionId?: string | undefined; limit: number },
): Promise<WebhookDeliveryView[]> {
  const rows = await webhookRepository.listDeliveries(ctx.database.db, {
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
