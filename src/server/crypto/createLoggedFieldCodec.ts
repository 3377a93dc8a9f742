import type { FastifyBaseLogger } from 'fastify';
import { createFieldCodec, type FieldCodec } from './fieldCodec.ts';
import type { FieldKeys } from './loadFieldKeys.ts';

/**
 * The app's field codec: every value that cannot be opened is logged once per read (table,
 * column, row id and why — never the stored text), so an operator learns of a wrong key or a
 * corrupted row while screens keep working.
 */
export function createLoggedFieldCodec(keys: FieldKeys, logger: FastifyBaseLogger): FieldCodec {
  return createFieldCodec(keys, (field) => {
    logger.error(
      { table: field.table, column: field.column, rowId: field.id, reason: field.reason },
      'a sealed personal value could not be opened (wrong IEUM_ENCRYPTION_KEY or a corrupted row); shown as unreadable',
    );
  });
}
