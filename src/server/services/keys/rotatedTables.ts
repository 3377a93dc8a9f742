import type { PgTable } from 'drizzle-orm/pg-core';
import type { SealedTable } from '../../crypto/sealedTable.ts';
import { calls } from '../../db/ctiSchema.ts';
import { companyContacts } from '../../db/directorySchema.ts';
import { emailOutbox } from '../../db/jobsSchema.ts';
import { kakaoConversations } from '../../db/kakaoSchema.ts';
import { leadCallbacks, leads } from '../../db/leadSchema.ts';
import { consultations } from '../../db/schema.ts';
import { transferComments, transferEvents, transfers, webhookDeliveries } from '../../db/transferSchema.ts';
import { sealedTables } from '../../repositories/sealedTables.ts';

/** A sealed table's declaration with the Drizzle table it declares, for key rotation's generic walk. */
export type RotatedTable = { table: PgTable; sealed: SealedTable<Record<string, unknown>> };

/**
 * Every table of the sealed-column registry (sealedTables.ts) with its Drizzle table: what
 * `ieum key rotate` re-encrypts. A test checks that it names every registry entry, so a table
 * added there cannot be forgotten here.
 */
export const rotatedTables: readonly RotatedTable[] = [
  { table: consultations, sealed: sealedTables.consultations },
  { table: transfers, sealed: sealedTables.transfers },
  { table: leads, sealed: sealedTables.leads },
  { table: transferComments, sealed: sealedTables.transferComments },
  { table: transferEvents, sealed: sealedTables.transferEvents },
  { table: leadCallbacks, sealed: sealedTables.leadCallbacks },
  { table: webhookDeliveries, sealed: sealedTables.webhookDeliveries },
  { table: emailOutbox, sealed: sealedTables.emailOutbox },
  { table: companyContacts, sealed: sealedTables.companyContacts },
  { table: calls, sealed: sealedTables.calls },
  { table: kakaoConversations, sealed: sealedTables.kakaoConversations },
];
