import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { Locale } from '../../i18n/locale.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { loadCalendarFacts } from '../calendar/loadCalendarFacts.ts';
import { presentLead } from './presentLead.ts';
import { readableLead } from './readableLead.ts';

/** One lead with its callback history, masked; the server's own texts in `locale`. */
export async function getLead(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  locale: Locale = 'ko',
): Promise<Lead> {
  const found = await readableLead(ctx, user, id);
  const callbacks = await leadRepository.listCallbacks(ctx.database.db, ctx.fieldCodec, id);
  const context = { now: ctx.now(), facts: await loadCalendarFacts(ctx), locale };
  return presentLead(found, context, { callbacks });
}
