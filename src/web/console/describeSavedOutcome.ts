import type { EndOutcome } from '../../domain/guide/guideSchema.ts';
import type { Translate } from '../i18n/useT.ts';
import { describeOutcome } from '../lib/outcomeLabels.ts';

/** The parts of the finish answer (finishConsultationResponseSchema) the line is made of. */
export type FinishedFiling = {
  transfer: { number: string; assignee: { name: string } | null } | null;
  lead: {
    number: string;
    brochure: { status: string; sentWith?: { number: string } | null };
    /** The customer's open lead this one joined (a repeat: same holder, no second brochure). */
    repeatOf?: { number: string } | null;
  } | null;
  duplicateLeads?: readonly { number: string }[] | undefined;
};

/**
 * The line the start panel shows for a call just saved: what was filed, said once ("이관 T-… 접수됨
 * · 담당 @…", not the outcome's name and then the filing's), the outcome's name first only when it
 * says something else (a support-line call that also filed a transfer), and the earlier leads for
 * the same company and e-mail named again, since the lead was filed all the same. A repeat of the
 * customer's open lead says so instead of a brochure it did not queue.
 */
export function describeSavedOutcome(
  finished: FinishedFiling,
  outcome: EndOutcome | null,
  t: Translate,
): string {
  const { transfer, lead, duplicateLeads } = finished;
  const outcomeLabel = outcome ? describeOutcome(outcome, t) : t('console.save.done');
  const filed = lead
    ? lead.repeatOf
      ? // No brochure of its own: the customer got (or gets) the one of the lead it joined.
        t('console.save.leadRepeat', { number: lead.number, first: lead.repeatOf.number })
      : t(
          lead.brochure.status === 'sent'
            ? 'console.save.leadBrochureSent'
            : 'console.save.leadBrochureQueued',
          {
            number: lead.number,
          },
        )
    : transfer
      ? transfer.assignee
        ? t('console.save.transferAssigned', { number: transfer.number, assignee: transfer.assignee.name })
        : t('console.save.transfer', { number: transfer.number })
      : null;
  const alreadySaid = (lead && outcome === 'lead') || (transfer && !lead && outcome === 'transfer');
  const said = filed === null ? outcomeLabel : alreadySaid ? filed : `${outcomeLabel} · ${filed}`;
  // The lead a repeat joined is named already.
  const duplicates = (duplicateLeads ?? [])
    .map((earlier) => earlier.number)
    .filter((number) => number !== lead?.repeatOf?.number);
  return duplicates.length > 0
    ? `${said} · ${t('leadDuplicates.saved', { numbers: duplicates.join(', ') })}`
    : said;
}
