import type { AppContext } from '../../appContext.ts';
import type { ServerMessageKey } from '../../i18n/serverMessages.ts';
import { type ClaimedJob, PermanentJobError } from '../../jobs/jobHandlers.ts';
import { webhookRepository } from '../../repositories/webhookRepository.ts';
import { resolvesPrivate } from './checkWebhookTarget.ts';
import { signTimestampedWebhookBody, signWebhookBody } from './signWebhookBody.ts';

// Why the server itself did not send a delivery, stored as catalogue keys (worded for each reader
// by listWebhookDeliveries); a receiver's answer or a network error is stored as it came.
export const WEBHOOK_SUBSCRIPTION_INACTIVE: ServerMessageKey = 'webhooks.subscriptionInactive';
export const WEBHOOK_PRIVATE_TARGET: ServerMessageKey = 'webhooks.privateTarget';

// Well under the job lease (2 min), so a slow receiver never lets a second worker send the same delivery.
const TIMEOUT_MS = 10_000;

// Statuses worth retrying: the receiver is overloaded or timing out. Other 4xx mean the request
// itself is refused (wrong URL, auth) and will be refused again.
const RETRYABLE_4XX = new Set([408, 409, 425, 429]);

/**
 * Job handler: POSTs one webhook delivery — the stored JSON body, signed with the subscription's
 * secret (`X-Ieum-Signature: sha256=<hex>`), with `X-Ieum-Event` and `X-Ieum-Delivery` — and logs
 * the attempt (status, attempts, last error, response code). A delivery already delivered is not
 * sent again (a job retried after a crash). Network errors and 5xx throw, so the runner retries
 * with backoff; the last attempt marks the delivery failed.
 */
export async function deliverWebhook(ctx: AppContext, job: ClaimedJob): Promise<void> {
  const deliveryId = job.payload.deliveryId;
  if (typeof deliveryId !== 'string') throw new PermanentJobError('webhook job without deliveryId');
  const db = ctx.database.db;
  const found = await webhookRepository.findDelivery(db, ctx.fieldCodec, deliveryId);
  if (!found) throw new PermanentJobError(`webhook delivery ${deliveryId} not found`);
  const { delivery, subscription } = found;
  if (delivery.status === 'delivered') return;
  const attemptedAt = ctx.now();
  if (!subscription.active) {
    await webhookRepository.recordAttempt(db, deliveryId, {
      status: 'failed',
      lastError: WEBHOOK_SUBSCRIPTION_INACTIVE,
      lastAttemptAt: attemptedAt,
    });
    throw new PermanentJobError('subscription inactive');
  }
  if (await resolvesPrivate(subscription.url, ctx.env.IEUM_WEBHOOK_ALLOW_PRIVATE)) {
    await webhookRepository.recordAttempt(db, deliveryId, {
      status: 'failed',
      attempts: job.attempts,
      lastError: WEBHOOK_PRIVATE_TARGET,
      lastAttemptAt: attemptedAt,
    });
    throw new PermanentJobError('webhook target is a private address');
  }
  const last = job.attempts >= job.maxAttempts;
  let responseCode: number | null = null;
  let error: string | null = null;
  // Signed with the moment of this attempt: a retry is signed afresh, a captured one goes stale.
  const timestamp = String(Math.floor(attemptedAt.getTime() / 1000));
  try {
    const response = await fetch(subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'ieum-webhooks/1',
        'x-ieum-event': delivery.eventType,
        'x-ieum-delivery': delivery.id,
        'x-ieum-signature': signWebhookBody(subscription.secret, delivery.body),
        'x-ieum-timestamp': timestamp,
        'x-ieum-signature-v2': signTimestampedWebhookBody(subscription.secret, timestamp, delivery.body),
      },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    responseCode = response.status;
    // Read (and drop) the body so the connection is released.
    await response.arrayBuffer().catch(() => undefined);
    if (response.status < 200 || response.status >= 300) error = `HTTP ${response.status}`;
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  }
  if (error === null) {
    await webhookRepository.recordAttempt(db, deliveryId, {
      status: 'delivered',
      attempts: job.attempts,
      lastError: null,
      responseCode,
      lastAttemptAt: attemptedAt,
      deliveredAt: ctx.now(),
    });
    return;
  }
  const permanent =
    responseCode !== null && responseCode >= 400 && responseCode < 500 && !RETRYABLE_4XX.has(responseCode);
  await webhookRepository.recordAttempt(db, deliveryId, {
    status: permanent || last ? 'failed' : 'pending',
    attempts: job.attempts,
    lastError: error,
    responseCode,
    lastAttemptAt: attemptedAt,
  });
  if (permanent) throw new PermanentJobError(`receiver refused the delivery: ${error}`);
  throw new Error(`webhook delivery failed: ${error}`);
}
