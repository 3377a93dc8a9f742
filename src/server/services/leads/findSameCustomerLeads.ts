import type { DuplicateLead } from '../../../contract/leads/duplicateLeadSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { findDuplicateLeads } from './findDuplicateLeads.ts';
import { readableLead } from './readableLead.ts';

/**
 * The other sign-up leads of a lead's customer — the same company and e-mail, filed from 30 days
 * before it on (later ones too) — for the business team working it: the warning an agent saw at
 * intake is gone once the lead is filed, and without it the same customer got two brochures and two
 * callbacks, one lead staying 신규 after the other was won. Same rule and answer as the intake's
 * warning (findDuplicateLeads: the e-mail through its blind index, the company folded; no personal
 * data); a lead whose personal data was erased has nothing to compare.
 */
export async function findSameCustomerLeads(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  locale: Locale = 'ko',
): Promise<DuplicateLead[]> {
  const { lead } = await readableLead(ctx, user, id);
  if (lead.personalDataErasedAt !== null || lead.email === '') return [];
  return findDuplicateLeads(
    ctx.database.db,
    ctx.fieldKeys,
    { companyName: lead.companyName, email: lead.email },
    lead.createdAt,
    lead.id,
    user,
    locale,
  );
}
