import type { AppContext } from '../../appContext.ts';
import { type WebhookSubscriptionRow, webhookRepository } from '../../repositories/webhookRepository.ts';

/** Event type every webhook subscription change publishes (manageWebhookSubscriptions). */
export const WEBHOOKS_CHANGED = 'webhook.changed';
// Every transfer filing, change and comment enqueues to the active subscriptions, and they change
// when an admin edits one. A change is heard at once over NOTIFY on every instance; the age limit
// only covers a change made behind the app's back.
const MAX_AGE_MS = 60_000;

const cached = new WeakMap<
  AppContext,
  { subscriptions: readonly WebhookSubscriptionRow[]; readAt: number }
>();
const listening = new WeakSet<AppContext>();

/**
 * The active webhook subscriptions, kept in memory until one changes (on any instance). A
 * subscription removed or paused meanwhile is checked again when a delivery is written (it must
 * still be active in that transaction), so a stale list never delivers to it; one added is used
 * from the moment its change is heard.
 */
export async function loadWebhookSubscriptions(ctx: AppContext): Promise<readonly WebhookSubscriptionRow[]> {
  if (!listening.has(ctx)) {
    listening.add(ctx);
    ctx.events.subscribe((event) => {
      if (event.type === WEBHOOKS_CHANGED) cached.delete(ctx);
    });
  }
  const hit = cached.get(ctx);
  // While the LISTEN connection is down a change elsewhere would go unheard: read through until it is back.
  if (hit && ctx.database.listening() && performance.now() - hit.readAt < MAX_AGE_MS)
    return hit.subscriptions;
  const subscriptions = await webhookRepository.listActive(ctx.database.db);
  cached.set(ctx, { subscriptions, readAt: performance.now() });
  return subscriptions;
}

/** Drops this instance's cached subscriptions: call once a subscription change has committed. */
export function forgetWebhookSubscriptions(ctx: AppContext): void {
  cached.delete(ctx);
}
