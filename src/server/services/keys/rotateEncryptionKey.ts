import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { AppContext } from '../../appContext.ts';
import { isEncryptedField } from '../../crypto/decryptField.ts';
import { encryptField } from '../../crypto/encryptField.ts';
import { keyIdOfSealed } from '../../crypto/fieldCodec.ts';
import type { SealedTable } from '../../crypto/sealedTable.ts';
import type { Database } from '../../db/openDatabase.ts';
import { queryRows } from '../../db/queryRows.ts';
import { sqlCastType } from '../../db/sqlCastType.ts';
import {
  auditRepository,
  openAuditReason,
  UNREADABLE_AUDIT_REASON,
} from '../../repositories/auditRepository.ts';
import { encryptionKeyRepository } from '../../repositories/encryptionKeyRepository.ts';
import { rewriteSealedRow, type SealedTarget } from './rewriteSealedRow.ts';
import { rotatedTables } from './rotatedTables.ts';

/** What `ieum key rotate` did. */
export type KeyRotationReport = {
  currentKeyId: string;
  /** Rows re-encrypted (and their blind indexes recomputed), per table. */
  tables: { table: string; rows: number }[];
  /** Access-log reasons re-encrypted. */
  accessLogReasons: number;
  /** Values no configured key can open: left as they are; while any remain no key is retired. */
  unreadable: number;
  /** Previous keys that hold no data any more (recorded as retired). */
  retiredKeyIds: string[];
};

const BATCH = 200;
const anyRow = z.record(z.string(), z.unknown());

/** The strings a sealed column holds: a text, or a json object's declared string values. */
function sealedStrings(value: unknown, jsonKeys?: readonly string[]): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'string' && (jsonKeys === undefined || jsonKeys.includes(key)) ? [inner] : [],
  );
}

/** Re-seals one table's rows that hold a value under a previous key (or in clear), batch by batch. */
async function rotateTable(
  ctx: AppContext,
  table: PgTable,
  sealed: SealedTable<Record<string, unknown>>,
): Promise<{ rows: number; unreadable: number }> {
  const columns: Record<string, PgColumn> = getTableColumns(table);
  const byProperty = new Map(Object.entries(columns));
  const propertyOf = new Map(Object.entries(columns).map(([property, column]) => [column.name, property]));
  const idColumn = byProperty.get(sealed.id);
  if (!idColumn) throw new Error(`rotateTable(${sealed.name}): no id column ${sealed.id}`);
  const sealedProperties = [...sealed.text, ...(sealed.json ?? []).map((json) => json.column)];
  const target: SealedTarget = { table, sealed, byProperty, idColumn, sealedProperties };
  const jsonKeysOf = new Map((sealed.json ?? []).map((json) => [json.column, json.keys]));
  const currentKeyId = ctx.fieldKeys.keyId;
  const needsRotation = (row: Record<string, unknown>) =>
    sealedProperties.some((property) =>
      sealedStrings(row[property], jsonKeysOf.get(property)).some((value) =>
        isEncryptedField(value) ? keyIdOfSealed(value) !== currentKeyId : value !== '',
      ),
    );
  let rows = 0;
  let unreadable = 0;
  let after: unknown = null;
  const idType = sql.raw(sqlCastType(idColumn));
  for (;;) {
    // One batch per transaction, rows locked: a server writing the same row meanwhile waits, so
    // nothing it writes is overwritten with an older value.
    const seen = await ctx.database.db.transaction(async (tx: Database) => {
      const batch = await queryRows(
        tx,
        sql`select * from ${sql.identifier(getTableName(table))}
            where ${after === null ? sql`true` : sql`${sql.identifier(idColumn.name)} > ${String(after)}::${idType}`}
            order by ${sql.identifier(idColumn.name)} limit ${BATCH} for update`,
        anyRow,
      );
      for (const stored of batch) {
        const row = Object.fromEntries(
          Object.entries(stored).map(([name, value]) => [propertyOf.get(name) ?? name, value]),
        );
        after = row[sealed.id];
        if (!needsRotation(row)) continue;
        if (!(await rewriteSealedRow(ctx, tx, target, row, { emptyContactIndex: false }))) {
          // Sealed under a key this server lacks, or altered: left alone (and logged by the codec).
          unreadable += 1;
          continue;
        }
        rows += 1;
      }
      return batch.length;
    });
    if (seen < BATCH) break;
  }
  return { rows, unreadable };
}

/** Re-encrypts access-log reasons under the current key (the chain covers their digest, so it holds). */
async function rotateAccessLogReasons(ctx: AppContext): Promise<{ rows: number; unreadable: number }> {
  let rows = 0;
  let unreadable = 0;
  let afterId = 0;
  for (;;) {
    const batch = await auditRepository.listWithReason(ctx.database.db, afterId, 1000);
    if (batch.length === 0) break;
    const updates: { id: number; reason: string }[] = [];
    for (const row of batch) {
      afterId = row.id;
      if (row.reason === null || keyIdOfSealed(row.reason) === ctx.fieldKeys.keyId) continue;
      const clear = openAuditReason(ctx.fieldKeys, row.reason);
      if (clear === null || clear === UNREADABLE_AUDIT_REASON) {
        unreadable += 1;
        continue;
      }
      updates.push({ id: row.id, reason: encryptField(ctx.fieldKeys, clear) });
    }
    await auditRepository.replaceReasons(ctx.database.db, updates);
    rows += updates.length;
  }
  return { rows, unreadable };
}

/**
 * `ieum key rotate`: re-encrypts every sealed column (the registry in sealedTables.ts) and the
 * access-log reasons under the current IEUM_ENCRYPTION_KEY, and recomputes the blind indexes,
 * which are keyed too (an index under the old key would no longer find anything). Runs in batches,
 * each its own transaction with its rows locked, so servers on PostgreSQL may keep running; it can
 * be interrupted and run again. When nothing is left under a previous key, those keys are recorded
 * as retired: a start no longer needs them. Values no configured key can open are counted and left
 * alone, and then nothing is retired.
 */
export async function rotateEncryptionKey(ctx: AppContext): Promise<KeyRotationReport> {
  const tables: KeyRotationReport['tables'] = [];
  let unreadable = 0;
  for (const { table, sealed } of rotatedTables) {
    const done = await rotateTable(ctx, table, sealed);
    tables.push({ table: sealed.name, rows: done.rows });
    unreadable += done.unreadable;
  }
  const reasons = await rotateAccessLogReasons(ctx);
  unreadable += reasons.unreadable;
  const retiredKeyIds: string[] = [];
  if (unreadable === 0) {
    await encryptionKeyRepository.withKeyLock(ctx.database.db, async (tx) => {
      const recorded = await encryptionKeyRepository.list(tx);
      const previous = recorded
        .filter((row) => row.retiredAt === null && row.keyId !== ctx.fieldKeys.keyId)
        .map((row) => row.keyId);
      await encryptionKeyRepository.retire(tx, previous, ctx.now());
      retiredKeyIds.push(...previous);
    });
  }
  if (tables.some((table) => table.rows > 0) || reasons.rows > 0) {
    await auditRepository.append(ctx.database.db, ctx.fieldKeys, {
      at: ctx.now(),
      actorId: null,
      action: 'encryption-key.rotated',
      detail: {
        via: 'cli',
        currentKeyId: ctx.fieldKeys.keyId,
        tables,
        accessLogReasons: reasons.rows,
        unreadable,
        retiredKeyIds,
      },
    });
  }
  return {
    currentKeyId: ctx.fieldKeys.keyId,
    tables,
    accessLogReasons: reasons.rows,
    unreadable,
    retiredKeyIds,
  };
}
