import {
  decideRepeatLead,
  type RepeatLeadCandidate,
  type RepeatLeadDecision,
} from '../../../domain/lead/decideRepeatLead.ts';
import { emailBlindIndex } from '../../crypto/blindIndex.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { Database } from '../../db/openDatabase.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';

/**
 * The customer's open sign-up lead, when a new one is filed for them, and what the new one does
 * about it (decideRepeatLead): who holds it, whether the brochure already went. The customer is
 * found as the duplicate warning finds them (findDuplicateLeads: the e-mail through its blind
 * index, the company folded) but over every open lead, however old: a lead still being worked is
 * the customer's whatever its age. The candidates stay locked for the caller's transaction.
 */
export async function findOpenLeadOfCustomer(
  tx: Database,
  keys: FieldKeys,
  intake: { companyName: string; email: string },
): Promise<RepeatLeadDecision | null> {
  const rows = await leadRepository.lockByEmailIndex(tx, emailBlindIndex(keys, intake.email));
  const candidates = rows.map(
    (row): RepeatLeadCandidate => ({
      id: row.id,
      number: row.number,
      companyName: row.companyName,
      status: row.status,
      transferStatus: row.transferStatus,
      createdAt: row.createdAt,
      repeatOfId: row.repeatOfLeadId,
      assigneeId: row.assigneeId,
      assigneeDisabled: row.assigneeDisabledAt !== null,
      brochure:
        row.ownBrochureStatus !== null
          ? { lead: { id: row.id, number: row.number }, status: row.ownBrochureStatus }
          : row.brochureSentWithLeadId !== null &&
              row.brochureSentWithNumber !== null &&
              row.brochureSentWithStatus !== null
            ? {
                lead: { id: row.brochureSentWithLeadId, number: row.brochureSentWithNumber },
                status: row.brochureSentWithStatus,
              }
            : null,
    }),
  );
  return decideRepeatLead(intake.companyName, candidates);
}
