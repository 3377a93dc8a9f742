import { randomUUID } from 'node:crypto';
import type { FileLeadInput } from '../../../contract/leads/fileLeadSchema.ts';
import type { Lead } from '../../../contract/leads/leadSchema.ts';
import { callbackDueAt } from '../../../domain/calendar/callbackDueAt.ts';
import { renderBrochureEmail } from '../../../domain/lead/renderBrochureEmail.ts';
import {
  type LeadIntakeProblem,
  type ValidLeadIntake,
  validateLeadIntake,
} from '../../../domain/lead/validateLeadIntake.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { translate } from '../../i18n/translate.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';
import { can } from '../../policies.ts';
import { consentRecordRepository } from '../../repositories/consentRecordRepository.ts';
import { type ConsultationRow, consultationRepository } from '../../repositories/consultationRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { queueEmail } from '../email/queueEmail.ts';
import { type IdempotentResult, runIdempotent } from '../idempotency/runIdempotent.ts';
import { announceTransferChange } from '../transfers/announceTransferChange.ts';
import { filerTypedContact } from '../transfers/filerTypedContact.ts';
import { createTransfer, type LockedConsultation } from '../transfers/fileTransfer.ts';
import { loadPresentContext } from '../transfers/loadPresentContext.ts';
import type { PresentContext } from '../transfers/presentTransfer.ts';
import { publicUrlOf } from '../transfers/publicUrlOf.ts';
import { type BrochureReference, brochureAttachment } from './brochureAttachment.ts';
import { enqueueCallbackReminder } from './enqueueCallbackReminder.ts';
import { findOpenLeadOfCustomer } from './findOpenLeadOfCustomer.ts';
import { presentLead } from './presentLead.ts';

function invalid(problems: LeadIntakeProblem[]): AppError {
  const first = problems[0];
  return new AppError(
    'validation-failed',
    first
      ? wordDomainMessage(first.message, msg('leads.intakeFieldInvalid', { field: first.field }))
      : msg('common.invalidInput'),
    problems.map((problem) => ({
      where: `/${problem.field}`,
      message: wordDomainMessage(problem.message, msg('leads.intakeFieldInvalid', { field: problem.field })),
    })),
  );
}

/**
 * Files a sign-up lead from a consultation that ended on Q4-Y: the intake is validated (Korean
 * messages per field), the consent recorded when the consultation was saved is referenced, and in
 * ONE transaction the lead, its transfer (kind 'lead') to the business team with its history and
 * announcements, the brochure e-mail in the outbox and the callback's first due time (with its
 * reminder) are written — all or nothing. With an Idempotency-Key a retried request returns the
 * first lead; without one, a second filing for the same consultation is a 409.
 */
export async function fileLead(
  ctx: AppContext,
  user: PublicUser,
  input: FileLeadInput,
  idempotencyKey?: string,
  /** The caller's language, for the server's own words in the answer (status labels). */
  locale?: Locale,
): Promise<IdempotentResult<Lead>> {
  const checked = validateLeadIntake(input);
  if (!checked.ok) throw invalid(checked.problems);
  // Read before the transaction: PGlite runs one transaction at a time.
  const context = await loadPresentContext(ctx, locale);
  const brochure = await brochureAttachment(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const create = async () => {
      const lead = await fileLeadStep(ctx, tx, user, input, checked.value, { ...context, brochure });
      return { statusCode: 201, resourceId: lead.id, value: lead };
    };
    if (idempotencyKey === undefined) {
      const created = await create();
      return { statusCode: created.statusCode, value: created.value, replayed: false };
    }
    return runIdempotent(
      tx,
      ctx.fieldCodec,
      { userId: user.id, scope: 'lead.file', key: idempotencyKey, request: input },
      create,
      (id) => presentLeadOf(tx, id, user, context),
    );
  });
}

/** A lead as `user` sees it now; only the filer of their own consultation's lead gets it back in clear. */
export async function presentLeadOf(
  tx: Database,
  id: string,
  user: PublicUser,
  context: PresentContext,
  consultationAgentId?: string,
): Promise<Lead> {
  const found = await leadRepository.findById(tx, context.fieldCodec, id);
  if (!found) throw new AppError('not-found', msg('leads.notFound', { id }));
  return presentLead(found, context, {
    reveal: await filerTypedContact(tx, user, found.lead, consultationAgentId),
  });
}

/**
 * The consultation the caller's transaction has just saved on a Q4-Y path (finishing it): the row as
 * saved, the consent record written with it, and the facts a transfer takes from it. The update
 * holds the row's lock, so filing the lead needs none of them read again.
 */
export type JustSavedConsultation = {
  row: ConsultationRow;
  consent: { id: string; agreed: boolean; retentionEndsAt: Date } | null;
  facts: LockedConsultation;
};

/**
 * Files a sign-up lead inside the caller's transaction (POST /leads alone, or finishing the
 * consultation right after its record and consent are saved): the lead, its transfer with
 * announcements, and the brochure e-mail in the outbox. `intake` is the checked intake.
 */
export async function fileLeadStep(
  ctx: AppContext,
  tx: Database,
  user: PublicUser,
  input: Pick<FileLeadInput, 'consultationId'>,
  intake: ValidLeadIntake,
  context: LeadFilingContext,
  justSaved?: JustSavedConsultation,
): Promise<Lead> {
  const created = await createLead(ctx, tx, user, input, intake, context, justSaved);
  return presentLeadOf(tx, created.leadId, user, context, created.consultationAgentId);
}

/** What filing a lead needs read before its transaction: the transfer context and the brochure to attach. */
export type LeadFilingContext = PresentContext & { brochure: BrochureReference };

async function createLead(
  ctx: AppContext,
  tx: Database,
  user: PublicUser,
  input: Pick<FileLeadInput, 'consultationId'>,
  intake: ValidLeadIntake,
  context: LeadFilingContext,
  justSaved?: JustSavedConsultation,
): Promise<{ leadId: string; consultationAgentId: string }> {
  const consultation = justSaved?.row ?? (await readConsultation(ctx, tx, user, input.consultationId));
  if (consultation.status !== 'completed') {
    throw new AppError('conflict', msg('leads.consultationNotSaved'), [
      { where: '/consultationId', message: msg('leads.consultationNotSavedDetail') },
    ]);
  }
  if (consultation.outcome !== 'lead') {
    throw new AppError('conflict', msg('leads.notALeadOutcome'), [
      {
        where: '/consultationId',
        message: msg('leads.notALeadOutcomeDetail', { outcome: consultation.outcome ?? 'none' }),
      },
    ]);
  }
  const consent = justSaved
    ? justSaved.consent?.agreed
      ? justSaved.consent
      : undefined
    : // The last agreed decision is the one the record relied on: a handed-off chat can carry the
      // bot's earlier [연락처]-only consent before the sign-up consent the agent took.
      (await consentRecordRepository.listByConsultations(tx, [consultation.id])).findLast(
        (record) => record.agreed,
      );
  if (!consent) {
    throw new AppError('conflict', msg('leads.noConsent'), [
      { where: '/consultationId', message: msg('leads.noConsentDetail') },
    ]);
  }
  // A consultation saved in this very transaction was open until now, and a lead needs a saved
  // one, so it has none yet (the unique index on leads.consultation_id would refuse a second).
  const existing = justSaved ? undefined : await leadRepository.findByConsultation(tx, consultation.id);
  if (existing) {
    throw new AppError('conflict', msg('leads.alreadyFiled'), [
      { where: '/consultationId', message: msg('leads.alreadyFiledDetail', { id: existing.id }) },
    ]);
  }

  // The guide as the consultation was saved on (a finish knows it; else its version is looked
  // up), else the loaded one.
  const guide =
    justSaved?.facts.guide ??
    (await context.guideAt(tx, consultation.guideId, consultation.guideVersion)) ??
    ctx.guides.get(consultation.guideId);
  // The customer asking again while their first lead is worked (QA M3): without this the rotation
  // gave the new lead to the next member and queued a second brochure and a second callback, so two
  // people called one customer, who got the brochure twice.
  const repeat = await findOpenLeadOfCustomer(tx, ctx.fieldKeys, intake);
  const transfer = await createTransfer(
    tx,
    user,
    {
      consultationId: consultation.id,
      kind: 'lead',
      companyName: intake.companyName,
      contactName: intake.contactName,
      phone: intake.phone,
      email: intake.email,
      // What the business team does with a lead, as the guide says it (its policy ①); stored data,
      // so in Korean whatever the filer's language.
      inquiry: guide?.brochureEmail?.transferInquiry ?? translate('ko', msg('leads.transferInquiryDefault')),
    },
    context,
    justSaved?.facts,
    undefined,
    repeat?.holderId ?? undefined,
  );
  const item = transfer.item;
  // The open lead's holder took this one too: its callback is that lead's. One person calls the
  // customer once, about both requests, at the time already set (and reminded) for the first — a
  // second due time for the same holder would be a second call to make, or a reminder to ignore.
  // Given to someone else (the holder was disabled meanwhile, or nobody holds the open lead), it
  // keeps a callback of its own: no one else would make it.
  const joinsCallback =
    repeat !== null && repeat.holderId !== null && item.transfer.assigneeId === repeat.holderId;
  await announceTransferChange(tx, { ...context, publicUrl: publicUrlOf(ctx) }, transfer.announcement);

  const leadId = randomUUID();
  const email = guide
    ? renderBrochureEmail(guide, { companyName: intake.companyName, contactName: intake.contactName })
    : null;
  // The brochure the customer got with their open lead (sent, or still queued to go) is not queued
  // again; a failed one is — they never got it.
  const queued =
    email && !repeat?.brochureSentWith
      ? await queueEmail(tx, ctx.fieldCodec, {
          to: intake.email,
          subject: email.subject,
          text: email.text,
          attachments: [{ filename: email.attachmentName, ...context.brochure }],
          dedupeKey: `lead-brochure:${leadId}`,
          queuedAt: ctx.now(),
        })
      : null;
  const now = context.now;
  // The callback is due as if the brochure went out now (the sent hook moves it to the real sending
  // time, see scheduleLeadCallback): a mail that waits for SMTP, retries or is given up, or a guide
  // with no brochure e-mail, still brings the customer's callback round, flagged 소개서 미발송.
  const callbackDue = joinsCallback
    ? null
    : callbackDueAt(now, ctx.env.IEUM_CALLBACK_DELAY_MINUTES, context.facts);
  await leadRepository.insert(tx, ctx.fieldCodec, {
    id: leadId,
    transferId: transfer.transferId,
    consultationId: consultation.id,
    guideId: consultation.guideId,
    consentRecordId: consent.id,
    status: 'new',
    companyName: intake.companyName,
    contactName: intake.contactName,
    phone: intake.phone,
    email: intake.email,
    businessNumber: intake.businessNumber,
    guideVersion: guide?.version ?? consultation.guideVersion,
    brochureEmailId: queued?.id ?? null,
    repeatOfLeadId: repeat?.repeatOf.id ?? null,
    brochureSentWithLeadId: repeat?.brochureSentWith?.id ?? null,
    callbackDueAt: callbackDue,
    filedBy: user.id,
    retentionEndsAt: consent.retentionEndsAt,
    createdAt: now,
    updatedAt: now,
  });
  if (callbackDue) await enqueueCallbackReminder(tx, { id: leadId, attempt: 1, dueAt: callbackDue });
  await publishEvent(tx, {
    type: 'lead.filed',
    data: {
      leadId,
      transferId: transfer.transferId,
      number: item.transfer.number,
      status: 'new',
      filedById: user.id,
      assigneeId: item.transfer.assigneeId,
    },
  });
  return { leadId, consultationAgentId: consultation.agentId };
}

/** The consultation a lead is filed from, when the caller has not just saved it: it must be theirs (or readable to them). */
async function readConsultation(
  ctx: AppContext,
  tx: Database,
  user: PublicUser,
  consultationId: string,
): Promise<ConsultationRow> {
  const found = await consultationRepository.findById(tx, ctx.fieldCodec, consultationId);
  if (!found || (found.consultation.agentId !== user.id && !can(user.role, 'consultation:read-all'))) {
    throw new AppError('not-found', msg('common.consultationNotFound', { id: consultationId }), [
      { where: '/consultationId', message: msg('common.notFound') },
    ]);
  }
  return found.consultation;
}
