import type { RevealedLead } from '../../../contract/leads/revealedLeadSchema.ts';
import type { RevealLeadInput } from '../../../contract/leads/revealLeadSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { readableLead } from './readableLead.ts';

/**
 * Returns a lead's contact name, phone, e-mail and callback notes in clear so the business team can
 * call and write back. The reveal is written to the access log (account, time, IP, lead, the phone's blind index,
 * the reason) before anything is returned; if that write fails, nothing is revealed. The route has
 * already checked 'personal-data:reveal'.
 */
export async function revealLead(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: RevealLeadInput,
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
    detail: { fields: ['contactName', 'phone', 'email', 'callbackNotes'], role: user.role },
  });
  const callbacks = await leadRepository.listCallbacks(ctx.database.db, ctx.fieldCodec, id);
  return {
    leadId: id,
    contactName: lead.contactName,
    phone: lead.phone,
    email: lead.email,
    callbacks: callbacks.map((entry) => ({ attempt: entry.attempt, note: entry.note })),
  };
}
