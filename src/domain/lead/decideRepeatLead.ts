import type { TransferStatus } from '../transfer/transferStatuses.ts';
import { isClosedLeadStatus, type LeadStatus } from './leadStatuses.ts';
import { sameCompanyName } from './sameCompanyName.ts';

/** A lead and its number, as a repeat names the open lead it joins. */
export type LeadReference = { id: string; number: string };

/**
 * An earlier lead with the new lead's e-mail (found by its blind index), as the decision needs it:
 * the company (not personal data), whether it is still open, who holds it, and the brochure e-mail
 * the customer got with it — its own, or the one an earlier lead of theirs sent (`brochure.lead`).
 */
export type RepeatLeadCandidate = LeadReference & {
  companyName: string;
  status: LeadStatus;
  transferStatus: TransferStatus;
  createdAt: Date;
  /** The lead it was filed beside, when it is a repeat itself. */
  repeatOfId: string | null;
  /** Who holds its transfer; null when nobody does. */
  assigneeId: string | null;
  /** Whether the holder's account is disabled (nobody is working the lead until it is reassigned). */
  assigneeDisabled: boolean;
  brochure: { lead: LeadReference; status: 'queued' | 'sent' | 'failed' } | null;
};

/** What a new lead for a customer with an open lead does instead of starting afresh. */
export type RepeatLeadDecision = {
  /** The customer's open lead the new one is linked to. */
  repeatOf: LeadReference;
  /** Who holds the open lead, to hold the new one too; null: the rotation picks (nobody holds it, or they are disabled). */
  holderId: string | null;
  /** The lead whose brochure e-mail went (or is queued) to the customer: none is queued again; null: queue one. */
  brochureSentWith: LeadReference | null;
};

/** Whether a lead is still being worked: not won or lost, and its transfer not closed (종결) by the team. */
function isOpenLead(lead: { status: LeadStatus; transferStatus: TransferStatus }): boolean {
  return !isClosedLeadStatus(lead.status) && lead.transferStatus !== 'closed';
}

/**
 * Whether a new sign-up lead repeats a customer's open one — the same company (folded, as the
 * duplicate warning compares it) at the same e-mail, still being worked — and what follows: the
 * new lead goes to the open lead's holder (one person calls the customer, the rotation is not
 * spent on a customer someone already has), and the brochure is not queued again while the one
 * the customer got was sent or still waits to go; a failed one may go again. The oldest open lead
 * that is no repeat itself is the one joined — the customer's first, which every repeat points at
 * (two filed in one second cannot be told apart by time); with it finished, the oldest open repeat.
 * Null when the customer has no open lead.
 */
export function decideRepeatLead(
  companyName: string,
  candidates: readonly RepeatLeadCandidate[],
): RepeatLeadDecision | null {
  const open = candidates
    .filter((lead) => isOpenLead(lead) && sameCompanyName(lead.companyName, companyName))
    .sort(
      (a, b) =>
        Number(a.repeatOfId !== null) - Number(b.repeatOfId !== null) ||
        a.createdAt.getTime() - b.createdAt.getTime() ||
        a.id.localeCompare(b.id),
    )[0];
  if (!open) return null;
  return {
    repeatOf: { id: open.id, number: open.number },
    holderId: open.assigneeId !== null && !open.assigneeDisabled ? open.assigneeId : null,
    brochureSentWith:
      open.brochure && open.brochure.status !== 'failed'
        ? { id: open.brochure.lead.id, number: open.brochure.lead.number }
        : null,
  };
}
