import type { Database } from '../../db/openDatabase.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { type Erasure, type ErasureTarget, eraseTransferPersonalData } from './eraseTransferPersonalData.ts';

/** What erasing leads erased, by kind. */
export type LeadErasure = {
  leads: Array<{ id: string; transferId: string; brochureEmailId: string | null }>;
  transfers: string[];
  emails: string[];
};

// The destruction log names the erased fields, never their values.
const LEAD_FIELDS = [
  'contactName',
  'phone',
  'email',
  'phoneIndex',
  'emailIndex',
  'businessNumber',
  'callbackNotes',
];
const EMAIL_FIELDS = ['toAddress', 'subject', 'text', 'html'];

/**
 * Erases leads' personal data inside the caller's transaction, with everything that copies it:
 * the lead's own fields, its transfer's, and its brochure e-mail's recipient and content. Each
 * erasure is logged ('lead.personal-data', 'transfer.personal-data', 'email.personal-data'), once:
 * rows erased already are skipped. Company name, status, outcomes and times stay.
 */
export async function eraseLeadPersonalData(
  tx: Database,
  targets: readonly ErasureTarget[],
  erasure: Erasure,
): Promise<LeadErasure> {
  const erased = await leadRepository.erasePersonalData(
    tx,
    targets.map((target) => target.id),
    erasure.at,
  );
  const details = new Map(targets.map((target) => [target.id, target.detail ?? {}]));
  const entry = (recordKind: string, recordId: string, detail: Record<string, unknown>) => ({
    at: erasure.at,
    recordKind,
    recordId,
    reason: erasure.reason,
    actorId: erasure.actorId,
    detail: { ...erasure.detail, ...detail },
  });
  await destructionLogRepository.appendMany(
    tx,
    erased.map((lead) =>
      entry('lead.personal-data', lead.id, {
        fields: LEAD_FIELDS,
        transferId: lead.transferId,
        ...details.get(lead.id),
      }),
    ),
  );
  const transfers = await eraseTransferPersonalData(
    tx,
    erased.map((lead) => ({ id: lead.transferId, detail: { leadId: lead.id, ...details.get(lead.id) } })),
    erasure,
  );
  const leadOfEmail = new Map(
    erased.flatMap((lead) => (lead.brochureEmailId ? [[lead.brochureEmailId, lead.id] as const] : [])),
  );
  const emails = await leadRepository.eraseBrochureEmails(tx, [...leadOfEmail.keys()]);
  await destructionLogRepository.appendMany(
    tx,
    emails.map((id) => {
      const leadId = leadOfEmail.get(id) ?? null;
      return entry('email.personal-data', id, {
        fields: EMAIL_FIELDS,
        leadId,
        ...(leadId ? details.get(leadId) : {}),
      });
    }),
  );
  return { leads: erased, transfers, emails };
}
