import { and, inArray, isNotNull, lt } from 'drizzle-orm';
import { events, jobs } from '../db/jobsSchema.ts';
import type { Database } from '../db/openDatabase.ts';
import { idempotencyKeys, webhookDeliveries } from '../db/transferSchema.ts';

/** Deletes of operational rows that have served their purpose; each returns how many went. */
export const housekeepingRepository = {
  deleteEventsBefore: async (db: Database, before: Date): Promise<number> =>
    (await db.delete(events).where(lt(events.at, before)).returning({ id: events.id })).length,

  deleteFinishedJobsBefore: async (db: Database, before: Date): Promise<number> =>
    (
      await db
        .delete(jobs)
        .where(and(isNotNull(jobs.doneAt), lt(jobs.doneAt, before)))
        .returning({ id: jobs.id })
    ).length,

  deleteIdempotencyKeysBefore: async (db: Database, before: Date): Promise<number> =>
    (
      await db
        .delete(idempotencyKeys)
        .where(and(isNotNull(idempotencyKeys.resourceId), lt(idempotencyKeys.createdAt, before)))
        .returning({ key: idempotencyKeys.key })
    ).length,

  deleteFinishedWebhookDeliveriesBefore: async (db: Database, before: Date): Promise<number> =>
    (
      await db
        .delete(webhookDeliveries)
        .where(
          and(
            inArray(webhookDeliveries.status, ['delivered', 'failed']),
            lt(webhookDeliveries.createdAt, before),
          ),
        )
        .returning({ id: webhookDeliveries.id })
    ).length,
};
