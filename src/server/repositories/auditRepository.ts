import { and, asc, count, desc, eq, gt, gte, isNotNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import { GENESIS_HASH, hashAuditEntry } from '../crypto/hashAuditEntry.ts';
import type { Database } from '../db/openDatabase.ts';
import { auditEvents, users } from '../db/schema.ts';

/** One security or access event to append. Never put personal data (phone, e-mail, name) in any field. */
export type AuditEventInput = {
  actorId: string | null;
  action: string;
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
  /** Blind index of the data subject's phone or email (src/server/crypto/blindIndex.ts). */
  subjectIndex?: string | null;
  /** Why the clear value was needed. */
  reason?: string | null;
  /** When it happened; default: the wall clock. Services pass ctx.now(). */
  at?: Date;
};

/** A stored access-log row. */
export type AuditEventRow = typeof auditEvents.$inferSelect;
/** A row with its actor's account, as searches return it. */
export type AuditEventWithActor = {
  event: AuditEventRow;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
};

/** Filters of an access-log search; all optional, combined with AND. */
export type AuditSearch = {
  actorId?: string | undefined;
  action?: string | undefined;
  subject?: string | undefined;
  subjectIndex?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  /** Only rows with a smaller id (paging newest-first). */
  beforeId?: number | undefined;
};

// Serialises appends across transactions and instances, so every row links to the one committed
// before it. Any constant shared by all instances works; this one spells "ieua".
const AUDIT_CHAIN_LOCK_KEY = 0x69657561;

function searchWhere(search: AuditSearch): SQL | undefined {
  return and(
    search.actorId ? eq(auditEvents.actorId, search.actorId) : undefined,
    search.action ? eq(auditEvents.action, search.action) : undefined,
    search.subject ? eq(auditEvents.subject, search.subject) : undefined,
    search.subjectIndex ? eq(auditEvents.subjectIndex, search.subjectIndex) : undefined,
    search.from ? gte(auditEvents.at, search.from) : undefined,
    search.to ? lt(auditEvents.at, search.to) : undefined,
    search.beforeId ? lt(auditEvents.id, search.beforeId) : undefined,
  );
}

/**
 * SQL for the append-only, hash-chained access log. There is deliberately no update method, and
 * the only delete is the retention purge (the database trigger refuses anything else).
 */
export const auditRepository = {
  /**
   * Appends one event, chained to the last one. Runs in its own (sub)transaction holding a
   * transaction-level advisory lock until the outer transaction commits, so concurrent appends on
   * any instance are chained in commit order, and an event written inside a rolled-back
   * transaction disappears with it without breaking the chain.
   */
  append: async (db: Database, event: AuditEventInput): Promise<void> => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
      const last = await tx
        .select({ hash: auditEvents.hash })
        .from(auditEvents)
        .where(isNotNull(auditEvents.hash))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      const prevHash = last[0]?.hash ?? GENESIS_HASH;
      const content = {
        at: event.at ?? new Date(),
        actorId: event.actorId,
        action: event.action,
        subject: event.subject ?? null,
        subjectIndex: event.subjectIndex ?? null,
        ip: event.ip ?? null,
        reason: event.reason ?? null,
        detail: event.detail ?? null,
      };
      await tx.insert(auditEvents).values({ ...content, prevHash, hash: hashAuditEntry(prevHash, content) });
    });
  },

  /** Newest first, with the actor's account. */
  search: (db: Database, search: AuditSearch): Promise<AuditEventWithActor[]> =>
    db
      .select({ event: auditEvents, actorEmail: users.email, actorName: users.name, actorRole: users.role })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(searchWhere(search))
      .orderBy(desc(auditEvents.id))
      .limit(search.limit),

  countOlderThan: async (db: Database, cutoff: Date): Promise<number> => {
    const rows = await db.select({ n: count() }).from(auditEvents).where(lt(auditEvents.at, cutoff));
    return rows[0]?.n ?? 0;
  },

  /** Rows in chain order after `afterId`, for verification in batches. */
  listInChainOrder: (db: Database, afterId: number, limit: number): Promise<AuditEventRow[]> =>
    db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(limit),

  /**
   * Deletes the oldest rows written before `cutoff` — a contiguous prefix of the chain, and never
   * the newest row, so the chain goes on from a known hash. Returns how many went, the last id and
   * the hash of the last deleted row (the anchor the next row links to).
   */
  deleteOlderThan: async (
    db: Database,
    cutoff: Date,
  ): Promise<{ count: number; lastId: number | null; lastHash: string | null }> =>
    db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
      // Permits DELETE past the append-only trigger for this transaction only.
      await tx.execute(sql`select set_config('ieum.audit_purge', 'on', true)`);
      const firstKept = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .where(gte(auditEvents.at, cutoff))
        .orderBy(asc(auditEvents.id))
        .limit(1);
      const newest = await tx
        .select({ id: auditEvents.id })
        .from(auditEvents)
        .orderBy(desc(auditEvents.id))
        .limit(1);
      const boundary = firstKept[0]?.id ?? newest[0]?.id;
      if (boundary === undefined) return { count: 0, lastId: null, lastHash: null };
      const deleted = await tx
        .delete(auditEvents)
        .where(and(lt(auditEvents.id, boundary), lte(auditEvents.at, cutoff)))
        .returning({ id: auditEvents.id, hash: auditEvents.hash });
      await tx.execute(sql`select set_config('ieum.audit_purge', 'off', true)`);
      const last = deleted.reduce<{ id: number; hash: string | null } | null>(
        (max, row) => (max === null || row.id > max.id ? row : max),
        null,
      );
      return { count: deleted.length, lastId: last?.id ?? null, lastHash: last?.hash ?? null };
    }),
};
