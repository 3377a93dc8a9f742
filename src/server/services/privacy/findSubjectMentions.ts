import type { DataSubjectRequest } from '../../../contract/privacy/dataSubjectRequestSchema.ts';
import type { SubjectMention } from '../../../contract/privacy/subjectMentionSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { redactSubjectInSealedTables } from '../../repositories/redactSubjectInSealedTables.ts';
import type { DataSubjectRecords } from './lookUpDataSubject.ts';
import { subjectValuesOf } from './subjectValuesOf.ts';

/**
 * Where else the person is named (a data-subject find or export): every sealed row the delete's
 * redaction would change — comments, notes, chats, e-mails, webhook deliveries, another customer's
 * record — apart from the records already listed (their consultations, leads, transfers, calls and
 * directory registrations). Without it an access request showed less than the delete then changed.
 * Reads every sealed row, as the delete does (a rare request, by an administrator).
 */
export async function findSubjectMentions(
  ctx: AppContext,
  request: DataSubjectRequest,
  found: DataSubjectRecords,
  directoryContactIds: readonly string[],
): Promise<SubjectMention[]> {
  const identity = subjectValuesOf(request, {
    consultations: found.rows.map((row) => row.consultation),
    leads: found.leads.map((item) => item.lead),
    transfers: found.transfers.map((item) => item.transfer),
  });
  const listed = new Set([
    ...found.rows.map((row) => `consultations/${row.consultation.id}`),
    ...found.leads.map((item) => `leads/${item.lead.id}`),
    ...found.transfers.map((item) => `transfers/${item.transfer.id}`),
    ...found.calls.map((call) => `calls/${call.id}`),
    ...directoryContactIds.map((id) => `company_contacts/${id}`),
  ]);
  const rows = await redactSubjectInSealedTables(ctx.database.db, ctx.fieldCodec, identity, { dryRun: true });
  return rows
    .filter((row) => !listed.has(`${row.table}/${row.id}`))
    .map((row) => ({ table: row.table, id: row.id, fields: row.columns }));
}
