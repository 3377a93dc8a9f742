import type { DuplicateLead } from '../../../contract/leads/duplicateLeadSchema.ts';
import { sameCompanyName } from '../../../domain/lead/sameCompanyName.ts';
import { emailBlindIndex } from '../../crypto/blindIndex.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { Locale } from '../../i18n/locale.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { mayReadLead } from './readableLead.ts';
import { wordLeadStatus } from './wordLeadStatus.ts';

/** How far back an earlier lead for the same company and e-mail counts as a duplicate. */
export const DUPLICATE_LEAD_DAYS = 30;
// More than a handful of earlier leads says the same thing as a handful.
const MAX_DUPLICATES = 5;

/**
 * Sign-up leads (anyone's) for the same company and e-mail address filed from 30 days before `now`
 * on, newest first — at intake, the earlier ones: a warning for the agent, never a refusal (for a
 * filed lead, `now` is its filing time and later ones count too: findSameCustomerLeads). The e-mail is compared through its
 * blind index (never in clear); the company name, not personal data, is compared folded (spacing,
 * case, legal form). `excludeId` leaves out the lead just filed. Each names who on the staff filed
 * and holds it; given the `viewer`, each also says whether they may open it (`canOpen`) — an agent
 * may not open a colleague's lead, and the warning tells them what they need without it.
 */
export async function findDuplicateLeads(
  db: Database,
  keys: FieldKeys,
  intake: { companyName: string; email: string },
  now: Date,
  excludeId?: string,
  viewer?: Pick<PublicUser, 'id' | 'role'>,
  locale: Locale = 'ko',
): Promise<DuplicateLead[]> {
  const since = new Date(now.getTime() - DUPLICATE_LEAD_DAYS * 86_400_000);
  const candidates = await leadRepository.findRecentByEmailIndex(
    db,
    emailBlindIndex(keys, intake.email),
    since,
    MAX_DUPLICATES + 1,
  );
  return candidates
    .filter((lead) => lead.id !== excludeId && sameCompanyName(lead.companyName, intake.companyName))
    .slice(0, MAX_DUPLICATES)
    .map((lead) => ({
      id: lead.id,
      number: lead.number,
      status: lead.status,
      statusLabel: wordLeadStatus(locale, lead.status),
      createdAt: lead.createdAt.toISOString(),
      path: `/queue?view=leads&lead=${encodeURIComponent(lead.id)}`,
      filedBy: { id: lead.filedById, name: lead.filedByName },
      assignee:
        lead.assigneeId === null || lead.assigneeName === null
          ? null
          : { id: lead.assigneeId, name: lead.assigneeName },
      ...(viewer ? { canOpen: mayReadLead(viewer, lead.filedById) } : {}),
    }));
}
