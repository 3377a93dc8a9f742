import type { z } from 'zod';
import type { finishConsultationRequestSchema } from '../../../contract/consultations/finishConsultationRequestSchema.ts';
import type { finishConsultationResponseSchema } from '../../../contract/consultations/finishConsultationResponseSchema.ts';
import type { FileTransferInput } from '../../../contract/transfers/fileTransferSchema.ts';
import { barsOffScriptTransfer } from '../../../domain/consultation/barsOffScriptTransfer.ts';
import { decideFinishFiling } from '../../../domain/consultation/decideFinishFiling.ts';
import { gatherLeadIntake } from '../../../domain/lead/gatherLeadIntake.ts';
import { type ValidLeadIntake, validateLeadIntake } from '../../../domain/lead/validateLeadIntake.ts';
import { fieldsWithheldByRefusal } from '../../../domain/privacy/fieldsWithheldByRefusal.ts';
import { defaultTransferSlaRule } from '../../../domain/transfer/computeTransferDueAt.ts';
import { draftTransferFields } from '../../../domain/transfer/draftTransferFields.ts';
import { validateTransferDraft } from '../../../domain/transfer/validateTransferDraft.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError, type ProblemDetail } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';
import { can } from '../../policies.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import { type IdempotencyKeyClaim, idempotencyRepository } from '../../repositories/idempotencyRepository.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { ClaimedWriteSkipped } from '../idempotency/ClaimedWriteSkipped.ts';
import { hashIdempotentRequest } from '../idempotency/hashIdempotentRequest.ts';
import { refuseReusedKey } from '../idempotency/refuseReusedKey.ts';
import { type IdempotentResult, runIdempotent } from '../idempotency/runIdempotent.ts';
import { brochureAttachment } from '../leads/brochureAttachment.ts';
import { fileLeadStep, presentLeadOf } from '../leads/fileLead.ts';
import { findDuplicateLeads } from '../leads/findDuplicateLeads.ts';
import { filerTypedContact } from '../transfers/filerTypedContact.ts';
import { fileTransferStep } from '../transfers/fileTransfer.ts';
import { loadPresentContext } from '../transfers/loadPresentContext.ts';
import { type PresentContext, presentTransfer } from '../transfers/presentTransfer.ts';
import { slaColumnsOf } from '../transfers/slaRuleOf.ts';
import { wordTransferDraftProblem } from '../transfers/wordTransferDraftProblem.ts';
import {
  type CompletionOptions,
  checkCompletion,
  type PreparedCompletion,
  saveCompletionStep,
} from './completeConsultation.ts';
import { presentConsultation } from './presentConsultation.ts';

/** Parsed body of POST /consultations/{id}/finish. */
export type FinishConsultationInput = z.output<typeof finishConsultationRequestSchema>;

/** What finishing wrote: the saved consultation and the transfer or lead filed with it. */
type FinishedConsultation = z.output<typeof finishConsultationResponseSchema>;

const FINISH_SCOPE = 'consultation.finish';

/** What to file, decided and validated before the transaction starts. */
type Filing =
  | { kind: 'none' }
  | { kind: 'transfer'; input: FileTransferInput }
  | { kind: 'lead'; intake: ValidLeadIntake };

function refuse(details: ProblemDetail[]): AppError {
  return new AppError('validation-failed', details[0]?.message ?? msg('common.invalidInput'), details);
}

/**
 * Decides what the finish files and checks it with the domain rules (a transfer needs a way to
 * reach the caller and what they asked; a lead its four intake fields), so a refusal happens before
 * anything is written and names the field of this request to fix.
 */
function planFiling(agent: PublicUser, prepared: PreparedCompletion, input: FinishConsultationInput): Filing {
  const kind = decideFinishFiling(prepared.summary.outcome, input.fileTransfer);
  if (kind === 'none') return { kind };
  if (
    kind === 'transfer' &&
    barsOffScriptTransfer(
      prepared.summary.outcome,
      fieldsWithheldByRefusal(prepared.guide, { scriptId: input.scriptId, history: input.history }),
    )
  )
    throw refuse([{ where: '/fileTransfer', message: msg('consultations.transferAfterRefusal') }]);
  if (kind === 'lead') {
    if (!can(agent.role, 'lead:file')) throw new AppError('forbidden', msg('leads.fileForbidden'));
    const gathered = gatherLeadIntake({
      collected: input.collected,
      record: prepared.fields,
      email: input.email,
      businessNumber: input.businessNumber,
    });
    const checked = validateLeadIntake(gathered.intake);
    if (!checked.ok) {
      throw refuse(
        checked.problems.map((problem) => ({
          where: gathered.where[problem.field],
          // Worded like POST /leads, so the refusal is in the caller's language with its messageKey.
          message: wordDomainMessage(
            problem.message,
            msg('leads.intakeFieldInvalid', { field: problem.field }),
          ),
        })),
      );
    }
    return { kind, intake: checked.value };
  }
  if (!can(agent.role, 'transfer:file'))
    throw new AppError('forbidden', msg('consultations.transferForbidden'));
  const email = (input.email ?? input.collected?.email ?? '').trim();
  // The caller agreed to be called at the account's registered contact (the path's end says so)
  // and no number was taken down: none is asked for — collecting one would need consent.
  const reachVia =
    prepared.summary.reachVia !== null && prepared.fields.phone === '' && email === ''
      ? prepared.summary.reachVia
      : null;
  const given = {
    // The guide the record is saved on (the one the type was picked from), so the transfer is too.
    guideId: prepared.guide.id,
    inquiryType: input.inquiryType,
    channel: prepared.row.channel,
    companyName: prepared.fields.companyName,
    contactName: prepared.fields.contactName,
    phone: prepared.fields.phone,
    inquiry: prepared.fields.inquiry,
    ...(email ? { email } : {}),
    ...(reachVia ? { reachVia } : {}),
  };
  const checked = validateTransferDraft(draftTransferFields(null, given), prepared.guide);
  if (!checked.ok) {
    const whereOf = {
      inquiryType: '/inquiryType',
      // The kind follows the path's outcome; a type that takes no sign-ups is the wrong type.
      kind: '/inquiryType',
      // The channel is the consultation's; a guide that does not serve it is the wrong guide.
      channel: '/guideId',
      companyName: '/record/companyName',
      contactName: '/record/contactName',
      inquiry: '/record/inquiry',
      phone: '/record/phone',
      email: '/email',
    };
    const details = checked.problems.map((problem) => ({
      where: whereOf[problem.field],
      message: wordTransferDraftProblem(problem),
    }));
    // One problem is its own headline: "enter a number and the inquiry" read wrong when only one
    // of them, or the e-mail, was missing.
    const [only] = details;
    throw new AppError(
      'validation-failed',
      details.length === 1 && only
        ? only.message
        : checked.problems.some((problem) => problem.field === 'companyName')
          ? msg('consultations.transferNeedsCompanyAndInquiry')
          : msg('consultations.transferNeedsContactAndInquiry'),
      details,
    );
  }
  return { kind, input: { consultationId: prepared.id, ...given } };
}

/** The finish as it stands now, for a retried request: the consultation and what was filed with it. */
async function presentFinished(
  ctx: AppContext,
  tx: Database,
  agent: PublicUser,
  id: string,
  context: PresentContext,
): Promise<FinishedConsultation> {
  const found = await consultationRepository.findById(tx, ctx.fieldCodec, id);
  if (!found) throw new AppError('not-found', msg('common.consultationNotFound', { id }));
  const consultation = presentConsultation(found.consultation, found.agentName, {
    reveal: found.consultation.agentId === agent.id,
  });
  const lead = await leadRepository.findByConsultation(tx, id);
  if (lead) return { consultation, transfer: null, lead: await presentLeadOf(tx, lead.id, agent, context) };
  const filed = await transferRepository.findByConsultation(tx, id);
  const item = filed ? await transferRepository.findById(tx, ctx.fieldCodec, filed.id) : undefined;
  return {
    consultation,
    transfer: item
      ? presentTransfer(item, context, { reveal: await filerTypedContact(tx, agent, item.transfer) })
      : null,
    lead: null,
  };
}

/**
 * Ends a consultation in one request and one transaction (POST …/finish): the path is replayed
 * through the guide version the consultation started on, the record and its consent record are
 * saved, and the transfer or sign-up lead the outcome calls for is filed — with its history,
 * announcements, webhook jobs and e-mails (the brochure) in the outbox. All of it commits or none
 * of it does; nothing here talks to the network. With an Idempotency-Key a retried request returns
 * the first answer.
 */
export async function finishConsultation(
  ctx: AppContext,
  agent: PublicUser,
  id: string,
  input: FinishConsultationInput,
  idempotencyKey?: string,
  /** The caller's language, for the server's own words in the answer (status labels). */
  locale?: Locale,
  options: CompletionOptions = {},
): Promise<IdempotentResult<FinishedConsultation>> {
  const {
    fileTransfer: _fileTransfer,
    email: _email,
    businessNumber: _number,
    collected: _collected,
    draftRevision,
    ...completion
  } = input;
  const check = await checkCompletion(ctx, agent, id, completion, {
    ...options,
    bodyFollowsFields: true,
  }).catch(async (error: unknown) => {
    // A saved consultation refuses a different record (409). When this key was sent before with
    // another request — or for another consultation — that is the mistake to name (422), as it is
    // while the consultation is open: the answer does not depend on which check runs first.
    if (idempotencyKey !== undefined && error instanceof AppError && error.code === 'conflict') {
      const stored = await idempotencyRepository.find(ctx.database.db, ctx.fieldCodec, {
        userId: agent.id,
        scope: FINISH_SCOPE,
        key: idempotencyKey,
      });
      if (stored?.resourceId != null && stored.resourceId !== id) throw refuseReusedKey(stored.resourceId);
      if (stored && stored.requestHash !== hashIdempotentRequest(input)) throw refuseReusedKey();
    }
    throw error;
  });
  // A retry of a finish that committed finds the consultation saved: only its Idempotency-Key can
  // answer it (below); without one it is a second save.
  if (check.kind === 'already-saved' && idempotencyKey === undefined) {
    throw new AppError('conflict', msg('consultations.alreadySaved'));
  }
  const filing =
    check.kind === 'ready' ? planFiling(agent, check.prepared, input) : { kind: 'none' as const };
  // Read before the transaction: PGlite runs one transaction at a time.
  const context = await loadPresentContext(ctx, locale);
  const brochure = filing.kind === 'lead' ? await brochureAttachment(ctx) : null;
  // The answer a finish gives is known before it runs (200, the consultation), so its key can be
  // claimed by the record's own UPDATE: one statement fewer on every call's path.
  const foldedClaim =
    idempotencyKey !== undefined && check.kind === 'ready'
      ? {
          userId: agent.id,
          scope: FINISH_SCOPE,
          key: idempotencyKey,
          requestHash: hashIdempotentRequest(input),
          statusCode: 200,
          resourceId: id,
        }
      : undefined;
  const finishIn = (tx: Database, claim: IdempotencyKeyClaim | undefined) => {
    const create = async () => {
      if (check.kind !== 'ready') throw new AppError('conflict', msg('consultations.alreadySaved'));
      const { prepared } = check;
      const filesTransfer = filing.kind === 'transfer' || (filing.kind === 'lead' && brochure !== null);
      // A transfer (a lead files one too) is inserted below in this transaction: the row says so as
      // it is saved, so the transfer's insert finds nothing to flag and the report rollups are moved
      // once, not counted as completed-untransferred and then moved again.
      const {
        row: saved,
        consent,
        lockedSettings,
      } = await saveCompletionStep(
        tx,
        ctx.fieldCodec,
        filesTransfer ? { ...prepared, values: { ...prepared.values, filedTransfer: true } } : prepared,
        {
          ...(claim ? { claim } : {}),
          // The type the transfer below is filed under (the record's guide): its settings are
          // locked by the same statement, not by one of their own before the filing.
          ...(filing.kind === 'transfer' && filing.input.inquiryType !== undefined
            ? {
                lockSettings: {
                  key: { guideId: prepared.guide.id, inquiryType: filing.input.inquiryType },
                  defaults: slaColumnsOf(defaultTransferSlaRule),
                },
              }
            : {}),
        },
      );
      // Read under the row lock the save took: a draft another tab stored before it — a correction
      // this body does not hold — keeps the call open, and this transaction writes nothing.
      if (draftRevision !== undefined && saved.draftRevision > draftRevision) {
        throw new AppError('conflict', msg('consultations.newerDraftElsewhere'), [
          {
            where: '/draftRevision',
            message: msg('consultations.newerDraftElsewhereDetail', {
              stored: saved.draftRevision,
              sent: draftRevision,
            }),
          },
        ]);
      }
      // The consultation as this transaction has it (its row lock held): what a transfer takes from it.
      const facts = {
        agentId: prepared.row.agentId,
        guideId: prepared.guide.id,
        channel: prepared.row.channel,
        outcome: prepared.summary.outcome,
        callerNumber: prepared.row.callerNumber,
        recordFields: { ...prepared.fields },
        // The version the record was replayed on, which the filing is checked against too.
        guide: prepared.guide,
      };
      const transfer =
        filing.kind === 'transfer'
          ? // The consultation row was just updated here, so this transaction holds its lock.
            await fileTransferStep(
              ctx,
              tx,
              agent,
              filing.input,
              context,
              {
                // The guide the record was saved on (the type's), which the transfer is classified by.
                ...facts,
                inquiryType: filing.input.inquiryType ?? null,
              },
              lockedSettings,
            )
          : null;
      const lead =
        filing.kind === 'lead' && brochure
          ? await fileLeadStep(
              ctx,
              tx,
              agent,
              { consultationId: id },
              filing.intake,
              { ...context, brochure },
              {
                row: saved,
                consent,
                // As the saved row has them, which is what reading it back under lock would give.
                facts: {
                  agentId: saved.agentId,
                  guideId: saved.guideId,
                  channel: saved.channel,
                  inquiryType: saved.inquiryType,
                  outcome: saved.outcome,
                  callerNumber: saved.callerNumber,
                  recordFields: saved.recordFields,
                  guide: prepared.guide,
                },
              },
            )
          : null;
      const consultation = presentConsultation(
        saved,
        prepared.agentName,
        // In clear only to the agent whose consultation it is; an admin finishing another's sees it masked.
        { reveal: saved.agentId === agent.id },
      );
      // Inside the transaction, but only a read: no network I/O. The lead just filed is left out.
      const duplicateLeads =
        lead && filing.kind === 'lead'
          ? await findDuplicateLeads(tx, ctx.fieldKeys, filing.intake, ctx.now(), lead.id, agent)
          : [];
      return {
        statusCode: 200,
        resourceId: id,
        value: { consultation, transfer, lead, ...(lead ? { duplicateLeads } : {}) },
      };
    };
    if (idempotencyKey === undefined || claim) {
      return create().then((created) => ({
        statusCode: created.statusCode,
        value: created.value,
        replayed: false,
      }));
    }
    return runIdempotent(
      tx,
      ctx.fieldCodec,
      {
        userId: agent.id,
        scope: FINISH_SCOPE,
        key: idempotencyKey,
        request: input,
        knownOutcome: { statusCode: 200, resourceId: id },
      },
      create,
      (resourceId) => presentFinished(ctx, tx, agent, resourceId, context),
    );
  };
  if (foldedClaim) {
    try {
      return await ctx.database.db.transaction((tx) => finishIn(tx, foldedClaim));
    } catch (error) {
      // The key was taken (a retry, or one in flight) or the consultation was saved meanwhile:
      // nothing was written; the claim-first path below answers as for any retry.
      if (!(error instanceof ClaimedWriteSkipped)) throw error;
    }
  }
  return ctx.database.db.transaction((tx) => finishIn(tx, undefined));
}
