import { z } from 'zod';
import type { AppContext } from '../../appContext.ts';
import { decryptField, isEncryptedField } from '../../crypto/decryptField.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { readableLead } from './readableLead.ts';

/** Body of POST /leads/{id}/reveal. */
export const revealLeadSchema = z.strictObject({
  reason: z
    .string({ error: 'reason(열람 사유)를 입력하세요' })
    .trim()
    .min(2, { error: 'reason(열람 사유)를 2자 이상 입력하세요' })
    .max(500, { error: 'reason은 500자 이하여야 합니다' }),
});

/** A lead's contact details in clear, for this response only. */
export type RevealedLead = { leadId: string; contactName: string; phone: string; email: string };

/**
 * Returns a lead's contact name, phone and e-mail in clear so the business team can call and write
 * back. The reveal is written to the access log (account, time, IP, lead, the phone's blind index,
 * the reason) before anything is returned; if that write fails, nothing is revealed. The route has
 * already checked 'personal-data:reveal'.
 */
export async function revealLead(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: z.output<typeof revealLeadSchema>,
  origin: { ip: string | null },
): Promise<RevealedLead> {
  const { lead } = await readableLead(ctx, user, id);
  await auditRepository.append(ctx.database.db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user.id,
    action: 'personal-data.reveal',
    subject: `lead:${id}`,
    subjectIndex: lead.phoneIndex,
    ip: origin.ip,
    reason: input.reason,
    detail: { fields: ['contactName', 'phone', 'email'], role: user.role },
  });
  const open = (value: string) => (isEncryptedField(value) ? decryptField(ctx.fieldKeys, value) : value);
  return {
    leadId: id,
    contactName: open(lead.contactName),
    phone: open(lead.phone),
    email: open(lead.email),
  };
}
