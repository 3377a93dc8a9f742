import { and, asc, count, desc, eq, gt, gte, isNotNull, lt, lte, notLike, type SQL, sql } from 'drizzle-orm';
import { chainAuditEntry, KEYED_CHAIN_VERSION } from '../crypto/chainAuditEntry.ts';
import { decryptField, isEncryptedField } from '../crypto/decryptField.ts';
import { digestAuditReason } from '../crypto/digestAuditReason.ts';
import { encryptField } from '../crypto/encryptField.ts';
import { GENESIS_HASH } from '../crypto/hashAuditEntry.ts';
import type { FieldKeys } from '../crypto/loadFieldKeys.ts';
import type { Database } from '../db/openDatabase.ts';
import { auditEvents, users } from '../db/schema.ts';
import { wellFormedJson } from '../db/wellFormedJson.ts';

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
  /**
   * When it happened: the service's clock (ctx.now()), never the wall clock here, so entries made
   * under a controlled clock (tests, the e2e clock) sort and filter with the records they concern.
   */
  at: Date;
};

/** A stored access-log row (the reason as stored: encrypted). */
export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Shown instead of a reason that no configured key can decrypt; the row is listed all the same. */
export const UNREADABLE_AUDIT_REASON = '[읽을 수 없음: 이 사유를 암호화한 키가 설정되지 않았습니다]';

/** The reason of a stored row in clear (rows of the first chain may hold it in clear). */
export function openAuditReason(keys: FieldKeys, stored: string | null): string | null {
  if (stored === null || !isEncryptedField(stored)) return stored;
  try {
    return decryptField(keys, stored);
  } catch {
    return UNREADABLE_AUDIT_REASON;
  }
}
/** A row with its actor's account, as searches return it. */
export type AuditEventWithActor = {
  /** The row, its reason opened (in clear, or UNREADABLE_AUDIT_REASON). */
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
   * Appends one event, chained to the last one with the keyed link (chainAuditEntry) of the current
   * key; the reason is encrypted and the link covers its keyed digest. Runs in its own
   * (sub)transaction holding a transaction-level advisory lock until the outer transaction commits,
   * so concurrent appends on any instance are chained in commit order, and an event written inside
   * a rolled-back transaction disappears with it without breaking the chain.
   */
  append: async (db: Database, keys: FieldKeys, event: AuditEventInput): Promise<void> => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
      const last = await tx
        .select({ hash: auditEvents.hash, seq: auditEvents.chainSeq })
        .from(auditEvents)
        .where(isNotNull(auditEvents.hash))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      const prevHash = last[0]?.hash ?? GENESIS_HASH;
      const reason = event.reason ?? null;
      const content = {
        seq: (last[0]?.seq ?? 0) + 1,
        at: event.at,
        actorId: event.actorId,
        action: event.action,
        subject: event.subject ?? null,
        subjectIndex: event.subjectIndex ?? null,
        ip: event.ip ?? null,
        reasonDigest: reason === null ? null : digestAuditReason(keys.auditReasonKey, reason),
        // Request text reaches the detail; jsonb refuses a lone surrogate (the chain covers what is stored).
        detail: wellFormedJson(event.detail ?? null),
      };
      const { seq, ...columns } = content;
      await tx.insert(auditEvents).values({
        ...columns,
        reason: reason === null ? null : encryptField(keys, reason),
        chainVersion: KEYED_CHAIN_VERSION,
        chainSeq: seq,
        chainKeyId: keys.keyId,
        prevHash,
        hash: chainAuditEntry(keys.auditChainKey, prevHash, content),
      });
    });
  },

  /** The newest chained row (the head a checkpoint records), or null for an empty log. */
  head: async (db: Database): Promise<AuditEventRow | null> => {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(isNotNull(auditEvents.hash))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return rows[0] ?? null;
  },

  findById: async (db: Database, id: number): Promise<AuditEventRow | null> => {
    const rows = await db.select().from(auditEvents).where(eq(auditEvents.id, id));
    return rows[0] ?? null;
  },

  /**
   * Replaces stored reasons (a redaction, a re-encryption under a new key) — the one UPDATE the
   * append-only trigger allows, and only of `reason` and `reason_redacted_at` (see migration 0009).
   * The keyed chain covers the reason's digest, so it stays verifiable.
   */
  replaceReasons: async (
    db: Database,
    updates: { id: number; reason: string; redactedAt?: Date }[],
  ): Promise<void> => {
    if (updates.length === 0) return;
    await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('ieum.audit_reason_update', 'on', true)`);
      for (const update of updates) {
        await tx
          .update(auditEvents)
          .set(
            update.redactedAt
              ? { reason: update.reason, reasonRedactedAt: update.redactedAt }
              : { reason: update.reason },
          )
          .where(eq(auditEvents.id, update.id));
      }
      await tx.execute(sql`select set_config('ieum.audit_reason_update', 'off', true)`);
    });
  },

  /** Rows of one action (e.g. 'access-log.purged', whose detail anchors the chain after a purge). */
  listByAction: (db: Database, action: string): Promise<AuditEventRow[]> =>
    db.select().from(auditEvents).where(eq(auditEvents.action, action)).orderBy(asc(auditEvents.id)),

  /** Rows whose reason is still in clear (written before reasons were encrypted), in id order. */
  listClearReasons: (
    db: Database,
    afterId: number,
    limit: number,
  ): Promise<{ id: number; reason: string | null }[]> =>
    db
      .select({ id: auditEvents.id, reason: auditEvents.reason })
      .from(auditEvents)
      .where(
        and(gt(auditEvents.id, afterId), isNotNull(auditEvents.reason), notLike(auditEvents.reason, 'enc:%')),
      )
      .orderBy(asc(auditEvents.id))
      .limit(limit),

  /** Rows that have a reason, in id order after `afterId`: for redaction and re-encryption in batches. */
  listWithReason: (
    db: Database,
    afterId: number,
    limit: number,
  ): Promise<{ id: number; reason: string | null }[]> =>
    db
      .select({ id: auditEvents.id, reason: auditEvents.reason })
      .from(auditEvents)
      .where(and(gt(auditEvents.id, afterId), isNotNull(auditEvents.reason)))
      .orderBy(asc(auditEvents.id))
      .limit(limit),

  /** Newest first, with the actor's account; reasons opened (an unreadable one never fails the search). */
  search: async (db: Database, keys: FieldKeys, search: AuditSearch): Promise<AuditEventWithActor[]> => {
    const rows = await db
      .select({ event: auditEvents, actorEmail: users.email, actorName: users.name, actorRole: users.role })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(searchWhere(search))
      .orderBy(desc(auditEvents.id))
      .limit(search.limit);
    return rows.map((row) => ({
      ...row,
      event: { ...row.event, reason: openAuditReason(keys, row.event.reason) },
    }));
  },

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
  ): Promise<{ count: number; lastId: number | null; lastHash: string | null; lastSeq: number | null }> =>
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
      if (boundary === undefined) return { count: 0, lastId: null, lastHash: null, lastSeq: null };
      const deleted = await tx
        .delete(auditEvents)
        .where(and(lt(auditEvents.id, boundary), lte(auditEvents.at, cutoff)))
        .returning({ id: auditEvents.id, hash: auditEvents.hash, seq: auditEvents.chainSeq });
      await tx.execute(sql`select set_config('ieum.audit_purge', 'off', true)`);
      const last = deleted.reduce<{ id: number; hash: string | null; seq: number | null } | null>(
        (max, row) => (max === null || row.id > max.id ? row : max),
        null,
      );
      return {
        count: deleted.length,
        lastId: last?.id ?? null,
        lastHash: last?.hash ?? null,
        lastSeq: last?.seq ?? null,
      };
    }),
};
