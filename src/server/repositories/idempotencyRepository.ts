import { and, eq, inArray, sql } from 'drizzle-orm';
import type { FieldCodec } from '../crypto/fieldCodec.ts';
import { idempotencyKeyDigest } from '../crypto/idempotencyKeyDigest.ts';
import type { Database } from '../db/openDatabase.ts';
import { idempotencyKeys } from '../db/transferSchema.ts';

/** A stored idempotency key. */
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
/** A key as claimed: who, for what (the key as the client sent it), the request's hash and, when known, the answer. */
export type IdempotencyKeyClaim = {
  userId: string;
  scope: string;
  key: string;
  requestHash: string;
  statusCode?: number;
  resourceId?: string;
};

/** Who claimed a key, for what, and the key as the client sent it (stored only as its digest). */
type KeyWhere = { userId: string; scope: string; key: string };

/** The stored form of a key under the current encryption key: what a claim writes. */
const storedKey = (codec: FieldCodec, key: string) => idempotencyKeyDigest(codec.keys, key);

/**
 * The key as stored under each configured encryption key (current first): a key claimed before a
 * key rotation is still found while the old key is configured.
 */
const storedForms = (codec: FieldCodec, key: string) =>
  codec.keys.all.map((keys) => idempotencyKeyDigest(keys, key));

const rowsOf = (where: KeyWhere, stored: string[]) =>
  and(
    eq(idempotencyKeys.userId, where.userId),
    eq(idempotencyKeys.scope, where.scope),
    stored.length === 1 ? eq(idempotencyKeys.key, stored[0] ?? '') : inArray(idempotencyKeys.key, stored),
  );

/** SQL for idempotency keys. */
export const idempotencyRepository = {
  /**
   * Claims a key inside the caller's transaction. Returns null when this call claimed it, or the
   * existing row. On PostgreSQL a concurrent claim of the same key waits for the first
   * transaction to finish, then sees its committed row, so two retries never both proceed. The
   * outcome, when already known, is stored with the claim (no `complete` needed).
   */
  claim: async (
    db: Database,
    codec: FieldCodec,
    values: IdempotencyKeyClaim,
  ): Promise<IdempotencyKeyRow | null> => {
    // During a key rotation the key may have been claimed under the previous key: that claim stands.
    if (codec.keys.all.length > 1) {
      const [earlier] = await db
        .select()
        .from(idempotencyKeys)
        .where(rowsOf(values, storedForms(codec, values.key).slice(1)))
        .limit(1);
      if (earlier) return earlier;
    }
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ ...values, key: storedKey(codec, values.key) })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return null;
    const row = await idempotencyRepository.find(db, codec, values);
    if (!row) throw new Error('idempotency key was neither inserted nor found');
    return row;
  },

  /**
   * The claim as a common table expression (`claimed`), for a write that claims its key in its own
   * statement: it yields one row when this statement claimed the key and none when the key was
   * taken (a concurrent claim waits for the first transaction, as `claim` does). Its values are
   * placeholders (the statement is built once, see PrebuiltStatement), filled by claimValues.
   */
  claimExpression: (db: Database) =>
    db.$with('claimed').as(
      db
        .insert(idempotencyKeys)
        .values({
          userId: sql.placeholder('claim_userId'),
          scope: sql.placeholder('claim_scope'),
          key: sql.placeholder('claim_key'),
          requestHash: sql.placeholder('claim_requestHash'),
          statusCode: sql.placeholder('claim_statusCode'),
          resourceId: sql.placeholder('claim_resourceId'),
        })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key }),
    ),

  /** The placeholder values of claimExpression for this claim (an answer not yet known is null). */
  claimValues: (codec: FieldCodec, claim: IdempotencyKeyClaim): Record<string, unknown> => ({
    claim_userId: claim.userId,
    claim_scope: claim.scope,
    claim_key: storedKey(codec, claim.key),
    claim_requestHash: claim.requestHash,
    claim_statusCode: claim.statusCode ?? null,
    claim_resourceId: claim.resourceId ?? null,
  }),

  /** The claim of this key by this user for this operation, under any configured encryption key. */
  find: async (db: Database, codec: FieldCodec, where: KeyWhere): Promise<IdempotencyKeyRow | undefined> => {
    const rows = await db
      .select()
      .from(idempotencyKeys)
      .where(rowsOf(where, storedForms(codec, where.key)))
      .limit(1);
    return rows[0];
  },

  /** Records the answer of a key this transaction claimed (under the current key, as claim writes it). */
  complete: async (
    db: Database,
    codec: FieldCodec,
    where: KeyWhere,
    outcome: { statusCode: number; resourceId: string },
  ): Promise<void> => {
    await db
      .update(idempotencyKeys)
      .set(outcome)
      .where(rowsOf(where, [storedKey(codec, where.key)]));
  },

  /**
   * Keys an earlier version stored as the client sent them (anything but a 64-hex digest): their
   * user, operation and key, to be stored as digests (digestLegacyIdempotencyKeys).
   */
  listStoredInClear: (db: Database) =>
    db
      .select({ userId: idempotencyKeys.userId, scope: idempotencyKeys.scope, key: idempotencyKeys.key })
      .from(idempotencyKeys)
      .where(sql`${idempotencyKeys.key} !~ '^[0-9a-f]{64}$'`),

  /**
   * Replaces a key stored in clear by its digest, in one statement. Where the digest is already
   * there (claimed by an instance that was upgraded first) that claim stands and the clear row goes.
   */
  replaceKey: async (db: Database, where: KeyWhere, stored: string): Promise<void> => {
    await db.execute(sql`
      with gone as (
        delete from ${idempotencyKeys}
        where ${idempotencyKeys.userId} = ${where.userId} and ${idempotencyKeys.scope} = ${where.scope}
          and ${idempotencyKeys.key} = ${where.key}
        returning user_id, scope, request_hash, status_code, resource_id, created_at
      )
      insert into ${idempotencyKeys} (user_id, scope, key, request_hash, status_code, resource_id, created_at)
      select user_id, scope, ${stored}, request_hash, status_code, resource_id, created_at from gone
      on conflict do nothing`);
  },
};
