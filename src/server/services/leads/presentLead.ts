import type { Lead } from '../../../contract/leads/leadSchema.ts';
import type { CalendarFacts } from '../../../domain/calendar/CalendarFacts.ts';
import { measureLeadCallback } from '../../../domain/lead/measureLeadCallback.ts';
import { maskEmail } from '../../../domain/privacy/maskEmail.ts';
import { maskName } from '../../../domain/privacy/maskName.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { LeadCallbackRow, LeadWithContext } from '../../repositories/leadRepository.ts';
import { wordEmailError } from '../email/wordEmailError.ts';
import { knownNamesOfLead } from './knownNamesOfLead.ts';
import { wordCallbackOutcome } from './wordCallbackOutcome.ts';
import { wordLeadStatus } from './wordLeadStatus.ts';

/** What presenting needs besides the row; `locale` words the server's own texts (Korean by default). */
export type LeadPresentContext = { now: Date; facts: CalendarFacts; locale?: Locale };

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Formats ten digits as 'XXX-XX-XXXXX'. */
function formatBusinessNumber(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

/**
 * Shapes a lead for the API. Contact name, phone and e-mail (opened by the repository) are masked with the one
 * masking rule (홍*동, 010-****-5678, ab***@example.com) unless `reveal` is set — only for the agent
 * who just typed them; the business team reveals with a reason (POST /leads/{id}/reveal, logged).
 */
export function presentLead(
  item: LeadWithContext,
  context: LeadPresentContext,
  options: { reveal?: boolean; callbacks?: readonly LeadCallbackRow[] } = {},
): Lead {
  const { lead } = item;
  const reveal = options.reveal === true;
  const { contactName, phone, email } = lead;
  const knownNames = knownNamesOfLead(lead);
  const callback = measureLeadCallback(lead.callbackDueAt, context.now, context.facts);
  return {
    id: lead.id,
    number: item.transferNumber,
    transferId: lead.transferId,
    consultationId: lead.consultationId,
    guideId: lead.guideId,
    consentRecordId: lead.consentRecordId,
    status: lead.status,
    statusLabel: wordLeadStatus(context.locale ?? 'ko', lead.status),
    companyName: lead.companyName,
    contactName: reveal ? contactName : maskName(contactName),
    phone: reveal ? phone : maskPhone(phone),
    // Erased by the retention purge: nothing to mask ('' rather than a mask of nothing).
    email: reveal || email === '' ? email : maskEmail(email),
    businessNumber: lead.businessNumber === null ? null : formatBusinessNumber(lead.businessNumber),
    masked: !reveal,
    filedBy: { id: lead.filedBy, name: item.filedByName },
    assignee:
      item.assigneeId !== null && item.assigneeName !== null
        ? { id: item.assigneeId, name: item.assigneeName, disabled: item.assigneeDisabled }
        : null,
    brochure: item.email
      ? {
          status: item.email.status,
          attempts: item.email.attempts,
          lastError: wordEmailError(item.email.lastError, context.locale ?? 'ko'),
          sentAt: iso(item.email.sentAt),
          sentWith: null,
        }
      : {
          status: 'none',
          attempts: 0,
          lastError: null,
          sentAt: null,
          sentWith: item.brochureSentWith && {
            id: item.brochureSentWith.id,
            number: item.brochureSentWith.number,
            status: item.brochureSentWith.emailStatus,
          },
        },
    callback: {
      state: callback.state,
      dueAt: iso(callback.dueAt),
      businessMinutesLeft: callback.businessMinutesLeft,
      attempts: lead.callbackAttempts,
      // The outbox's state, not brochureSentAt: that is set by a job a moment after the mail went.
      // A repeat lead's customer got the brochure with their earlier lead: that e-mail's state.
      brochureNotSent:
        callback.dueAt !== null && (item.email?.status ?? item.brochureSentWith?.emailStatus) !== 'sent',
    },
    repeatOf: item.repeatOf,
    firstCalledAt: iso(lead.firstCalledAt),
    lastOutcome: lead.lastOutcome,
    lastOutcomeLabel:
      lead.lastOutcome === null ? null : wordCallbackOutcome(context.locale ?? 'ko', lead.lastOutcome),
    closedAt: iso(lead.closedAt),
    createdAt: lead.createdAt.toISOString(),
    updatedAt: lead.updatedAt.toISOString(),
    personalDataErasedAt: iso(lead.personalDataErasedAt),
    ...(options.callbacks
      ? {
          callbacks: options.callbacks.map((entry) => ({
            attempt: entry.attempt,
            outcome: entry.outcome,
            outcomeLabel: wordCallbackOutcome(context.locale ?? 'ko', entry.outcome),
            dueAt: iso(entry.dueAt),
            retryAt: iso(entry.retryAt),
            // Typed by the business team about the customer: masked like every free text.
            note: reveal ? entry.note : maskPersonalText(entry.note, knownNames),
            actor:
              entry.actorId !== null && entry.actorName !== null
                ? { id: entry.actorId, name: entry.actorName }
                : null,
            at: entry.at.toISOString(),
          })),
        }
      : {}),
  };
}
