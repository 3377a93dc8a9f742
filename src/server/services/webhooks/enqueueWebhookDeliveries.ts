import { randomUUID } from 'node:crypto';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import { enqueueJob } from '../../jobs/enqueueJob.ts';
import { type WebhookSubscriptionRow, webhookRepository } from '../../repositories/webhookRepository.ts';

/** Job kind that sends one webhook delivery. */
export const WEBHOOK_JOB = 'webhook.deliver';

/**
 * How many times a delivery is tried. With the runner's doubling backoff from 2 s capped at 30 min,
 * 16 attempts span roughly five hours, enough to ride out a receiver's restart or a short outage.
 */
export const WEBHOOK_MAX_ATTEMPTS = 16;

/** An event to mirror to subscribers; `data` is built per subscription (clear or masked contact fields). */
export type WebhookEvent = {
  type: string;
  occurredAt: Date;
  data: (options: { includePersonalData: boolean }) => Record<string, unknown>;
};

/**
 * Records one delivery per active subscription that wants the event (listed, or '*'), with the
 * exact body to send, and schedules each as a durable job — in the caller's transaction, so a
 * webhook goes out exactly when the change it reports was committed. `subscriptions` is the
 * instance's list (loadWebhookSubscriptions); each is checked to be still active as its delivery is
 * written. Returns the number of deliveries created.
 */
export async function enqueueWebhookDeliveries(
  tx: Database,
  codec: FieldCodec,
  subscriptions: readonly WebhookSubscriptionRow[],
  event: WebhookEvent,
): Promise<number> {
  let created = 0;
  for (const subscription of subscriptions) {
    if (!subscription.eventTypes.includes(event.type) && !subscription.eventTypes.includes('*')) continue;
    const id = randomUUID();
    // The body is fixed now: every retry sends (and signs) the same bytes, and the receiver sees
    // the transfer as it was when the event happened, not as it is when the receiver came back.
    const body = JSON.stringify({
      id,
      type: event.type,
      occurredAt: event.occurredAt.toISOString(),
      data: event.data({ includePersonalData: subscription.includePersonalData }),
    });
    const recorded = await webhookRepository.insertDelivery(tx, codec, {
      id,
      subscriptionId: subscription.id,
      eventType: event.type,
      body,
      createdAt: event.occurredAt,
    });
    if (!recorded) continue;
    created += 1;
    await enqueueJob(tx, {
      kind: WEBHOOK_JOB,
      payload: { deliveryId: id },
      dedupeKey: `webhook:${id}`,
      maxAttempts: WEBHOOK_MAX_ATTEMPTS,
    });
  }
  return created;
}
