import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { type Opened, openRow } from '../crypto/openRow.ts';
import { sealRow } from '../crypto/sealRow.ts';
import type { Database } from '../db/openDatabase.ts';
import { queryRows } from '../db/queryRows.ts';
import { webhookDeliveries, webhookSubscriptions } from '../db/transferSchema.ts';
import { sealedTables } from './sealedTables.ts';

/** A webhook subscription row (includes the secret: never return it to clients after creation). */
export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
/** A webhook delivery row, its body in clear (sealed at rest: it may carry personal data). */
export type WebhookDeliveryRow = Opened<typeof webhookDeliveries.$inferSelect>;

const open = (codec: FieldCodec, row: typeof webhookDeliveries.$inferSelect) =>
  openRow(codec, sealedTables.webhookDeliveries, row);

/** SQL for outbound webhook subscriptions and their delivery log. */
export const webhookRepository = {
  insertSubscription: async (
    db: Database,
    values: typeof webhookSubscriptions.$inferInsert,
  ): Promise<WebhookSubscriptionRow> => {
    const rows = await db.insert(webhookSubscriptions).values(values).returning();
    const row = rows[0];
    if (!row) throw new Error('insert into webhook_subscriptions returned no row');
    return row;
  },

  listSubscriptions: (db: Database): Promise<WebhookSubscriptionRow[]> =>
    db.select().from(webhookSubscriptions).orderBy(webhookSubscriptions.createdAt),

  findSubscription: async (db: Database, id: string): Promise<WebhookSubscriptionRow | undefined> => {
    const rows = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).limit(1);
    return rows[0];
  },

  /** Active subscriptions (whatever event types they want). */
  listActive: (db: Database): Promise<WebhookSubscriptionRow[]> =>
    db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.active, true)),

  updateSubscription: async (
    db: Database,
    id: string,
    values: Partial<typeof webhookSubscriptions.$inferInsert>,
  ): Promise<WebhookSubscriptionRow | undefined> => {
    const rows = await db
      .update(webhookSubscriptions)
      .set(values)
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    return rows[0];
  },

  deleteSubscription: async (db: Database, id: string): Promise<boolean> => {
    const rows = await db
      .delete(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, id))
      .returning({ id: webhookSubscriptions.id });
    return rows.length > 0;
  },

  /**
   * Records a delivery if its subscription is still active in this transaction (the caller's list
   * may be a cached one); false when it was removed or paused meanwhile and nothing was written.
   */
  insertDelivery: async (
    db: Database,
    codec: FieldCodec,
    values: { id: string; subscriptionId: string; eventType: string; body: string; createdAt: Date },
  ): Promise<boolean> => {
    const sealed = sealRow(codec, sealedTables.webhookDeliveries, values);
    const rows = await queryRows(
      db,
      sql`insert into ${webhookDeliveries} (id, subscription_id, event_type, body, created_at)
          select ${sealed.id}::uuid, ${webhookSubscriptions.id}, ${sealed.eventType}, ${sealed.body},
                 ${sealed.createdAt.toISOString()}::timestamptz
          from ${webhookSubscriptions}
          where ${webhookSubscriptions.id} = ${sealed.subscriptionId} and ${webhookSubscriptions.active}
          returning id`,
      z.object({ id: z.string() }),
    );
    return rows.length > 0;
  },

  findDelivery: async (
    db: Database,
    codec: FieldCodec,
    id: string,
  ): Promise<{ delivery: WebhookDeliveryRow; subscription: WebhookSubscriptionRow } | undefined> => {
    const rows = await db
      .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
      .from(webhookDeliveries)
      .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
      .where(eq(webhookDeliveries.id, id))
      .limit(1);
    const row = rows[0];
    return row ? { delivery: open(codec, row.delivery), subscription: row.subscription } : undefined;
  },

  recordAttempt: async (
    db: Database,
    id: string,
    values: Pick<
      Partial<typeof webhookDeliveries.$inferInsert>,
      'status' | 'attempts' | 'lastError' | 'responseCode' | 'lastAttemptAt' | 'deliveredAt'
    >,
  ): Promise<void> => {
    await db.update(webhookDeliveries).set(values).where(eq(webhookDeliveries.id, id));
  },

  listDeliveries: async (
    db: Database,
    codec: FieldCodec,
    options: { subscriptionId?: string; limit: number },
  ): Promise<WebhookDeliveryRow[]> => {
    const query = db.select().from(webhookDeliveries);
    const rows = await (options.subscriptionId
      ? query.where(eq(webhookDeliveries.subscriptionId, options.subscriptionId))
      : query
    )
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(options.limit);
    return rows.map((row) => open(codec, row));
  },
};
