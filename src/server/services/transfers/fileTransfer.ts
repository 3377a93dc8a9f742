import { randomUUID } from 'node:crypto';
import type { FileTransferInput } from '../../../contract/transfers/fileTransferSchema.ts';
import type { Transfer } from '../../../contract/transfers/transferSchema.ts';
import { formatSeoulIso } from '../../../domain/calendar/formatSeoulIso.ts';
import { barsOffScriptTransfer } from '../../../domain/consultation/barsOffScriptTransfer.ts';
import type { Guide } from '../../../domain/guide/guideSchema.ts';
import {
  computeTransferDueAt,
  defaultTransferSlaRule,
} from '../../../domain/transfer/computeTransferDueAt.ts';
import { type ConsultationFacts, draftTransferFields } from '../../../domain/transfer/draftTransferFields.ts';
import { formatTransferNumber } from '../../../domain/transfer/formatTransferNumber.ts';
import { pickNextAssignee } from '../../../domain/transfer/pickNextAssignee.ts';
import { validateTransferDraft } from '../../../domain/transfer/validateTransferDraft.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError, type ProblemDetail } from '../../errors.ts';
import { rememberStoredEvents, takePendingEvents } from '../../events/publishEvent.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { wordDomainMessage } from '../../i18n/wordDomainMessage.ts';
import { can } from '../../policies.ts';
import { type TransferWithPeople, transferRepository } from '../../repositories/transferRepository.ts';
import {
  type LockedTypeSettings,
  transferSettingsRepository,
} from '../../repositories/transferSettingsRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { type IdempotentResult, runIdempotent } from '../idempotency/runIdempotent.ts';
import {
  announceTransferChange,
  type TransferAnnouncement,
  type TransferNotice,
  transferLiveEvent,
} from './announceTransferChange.ts';
import { filerTypedContact } from './filerTypedContact.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { type PresentContext, presentTransfer } from './presentTransfer.ts';
import { publicUrlOf } from './publicUrlOf.ts';
import { slaColumnsOf, slaRuleOf } from './slaRuleOf.ts';
import { wordTransferDraftProblem } from './wordTransferDraftProblem.ts';

/** Refuses (409) to file a second transfer from a consultation that has one. */
async function refuseTransferred(tx: Database, consultationId: string | undefined): Promise<void> {
  if (consultationId === undefined) return;
  const existing = await transferRepository.findByConsultation(tx, consultationId);
  if (existing) {
    throw new AppError('conflict', msg('transfers.alreadyTransferred', { number: existing.number }), [
      { where: '/consultationId', message: msg('transfers.alreadyTransferredDetail', { id: existing.id }) },
    ]);
  }
}

/**
 * A consultation as a filer read or locked it in this transaction: its facts and its agent, and
 * — when the filer has it — the guide as the consultation was saved on (its version, which a
 * restart may have replaced since the call started).
 */
export type LockedConsultation = ConsultationFacts & { agentId: string; guide?: Guide };

const invalid = (details: ProblemDetail[]) => {
  const first = details[0];
  return new AppError('validation-failed', first ? first.message : msg('common.invalidInput'), details);
};

/**
 * Files a transfer (이관) to the business team: pre-filled from the consultation's record (the agent's
 * values win), validated, numbered T-YYYY-NNNNNN, due by the inquiry type's business-hours SLA, and
 * assigned by rotation among the members on duty. The history, the live event, the webhooks and the
 * assignee's e-mail are written in the same transaction. With an Idempotency-Key a retried request
 * returns the first transfer instead of filing a second one.
 */
export async function fileTransfer(
  ctx: AppContext,
  user: PublicUser,
  input: FileTransferInput,
  idempotencyKey?: string,
  /** The caller's language, for the server's own words in the answer (status label). */
  locale?: Locale,
): Promise<IdempotentResult<Transfer>> {
  // Read before the transaction: PGlite runs one transaction at a time and the calendar query
  // would otherwise wait on it.
  const context = await loadPresentContext(ctx, locale);
  return ctx.database.db.transaction(async (tx) => {
    const present = async (id: string, reveal: boolean) => {
      const found = await transferRepository.findById(tx, ctx.fieldCodec, id);
      if (!found) throw new AppError('not-found', msg('transfers.notFound', { id }));
      return presentTransfer(found, context, {
        reveal: reveal && (await filerTypedContact(tx, user, found.transfer)),
      });
    };
    const create = async () => {
      const filed = await fileTransferStep(ctx, tx, user, input, context);
      return { statusCode: 201, resourceId: filed.id, value: filed };
    };
    if (idempotencyKey === undefined) {
      const created = await create();
      return { statusCode: created.statusCode, value: created.value, replayed: false };
    }
    return runIdempotent(
      tx,
      ctx.fieldCodec,
      { userId: user.id, scope: 'transfer.file', key: idempotencyKey, request: input },
      create,
      (id) => present(id, true),
    );
  });
}

/**
 * Files and announces a transfer inside the caller's transaction: the step POST /transfers runs
 * alone and finishing a consultation runs after saving the record, so both commit or neither.
 * Returns the transfer as its filer sees it (in clear: they just typed it).
 */
export async function fileTransferStep(
  ctx: AppContext,
  tx: Database,
  user: PublicUser,
  input: FileTransferInput,
  context: PresentContext,
  locked?: LockedConsultation,
  lockedSettings?: LockedTypeSettings,
): Promise<Transfer> {
  const id = await createTransfer(tx, user, input, context, locked, lockedSettings);
  const item = id.item;
  await announceTransferChange(tx, { ...context, publicUrl: publicUrlOf(ctx) }, id.announcement);
  // The filer just typed these details, so their own reply carries them in clear — unless they came
  // from another agent's consultation.
  return presentTransfer(item, context, {
    reveal: await filerTypedContact(tx, user, item.transfer, id.consultationAgentId),
  });
}

/**
 * Files a transfer inside the caller's transaction (validation, numbering, SLA, rotation, history)
 * and stores its live event (with the events published in the transaction so far) in the same
 * statement; callers announce the rest (webhooks, e-mails) with announceTransferChange and the
 * `announcement` returned. Used by fileTransfer and by sign-up leads, which file their transfer in
 * the same transaction as the lead.
 */
export async function createTransfer(
  tx: Database,
  user: PublicUser,
  input: FileTransferInput,
  context: PresentContext,
  /**
   * The consultation as the caller has it in clear, when the caller already holds its row lock in
   * this transaction (finishing it just updated the row): it is not read and locked again.
   */
  locked?: LockedConsultation,
  /**
   * The inquiry type's settings and rotation, when the caller locked them earlier in this
   * transaction (finishing locks them with the completing UPDATE); used when they are the type
   * the transfer is filed under, else the type is locked here.
   */
  lockedSettings?: LockedTypeSettings,
  /**
   * Who the transfer goes to instead of the rotation: the holder of the customer's open sign-up
   * lead (fileLead). Used while their account is active, and then the rotation's cursor stays where
   * it is — the turn was not the rotation's to give; a disabled holder leaves it to the rotation.
   */
  holderId?: string,
): Promise<{
  transferId: string;
  historyId: number;
  item: TransferWithPeople;
  /** What to announce (its live event is stored already). */
  announcement: TransferAnnouncement;
  /** The agent of the transfer's consultation, when it has one. */
  consultationAgentId?: string;
}> {
  const { now, facts } = context;
  const { consultationId, ...given } = input;
  let consultation: LockedConsultation | null = null;
  if (consultationId !== undefined && locked) {
    // A transfer already filed from it is found by the insert below (unique per consultation).
    consultation = locked;
  } else if (consultationId !== undefined) {
    const found = await transferRepository.lockConsultation(tx, context.fieldCodec, consultationId);
    if (!found || (found.agentId !== user.id && !can(user.role, 'consultation:read-all'))) {
      throw new AppError('not-found', msg('common.consultationNotFound', { id: consultationId }), [
        { where: '/consultationId', message: msg('common.notFound') },
      ]);
    }
    await refuseTransferred(tx, consultationId);
    // A caller who declined on the call (the callback, the sign-up, consent) is not called back.
    if (barsOffScriptTransfer(found.outcome, new Set()))
      throw invalid([{ where: '/consultationId', message: msg('consultations.transferAfterRefusal') }]);
    // Checked on the guide as the consultation was saved on (else the loaded one, below).
    const { guideVersion, ...facts } = found;
    const guide = await context.guideAt(tx, found.guideId, guideVersion);
    consultation = guide ? { ...facts, guide } : facts;
  }
  // A transfer is classified by its consultation's guide, else the one named, else the default.
  if (consultation && given.guideId !== undefined && given.guideId !== consultation.guideId) {
    throw invalid([
      {
        where: '/guideId',
        message: wordDomainMessage(
          `상담의 가이드(${consultation.guideId})와 다른 가이드로 이관할 수 없습니다`,
          msg('transfers.fieldInvalid', { field: 'guideId' }),
        ),
      },
    ]);
  }
  const drafted = draftTransferFields(consultation, given);
  const guide =
    consultation?.guide && consultation.guide.id === drafted.guideId
      ? consultation.guide
      : drafted.guideId === null
        ? context.guides.defaultGuide()
        : context.guides.get(drafted.guideId);
  if (!guide)
    throw invalid([
      { where: '/guideId', message: msg('common.guideNotFound', { id: String(drafted.guideId) }) },
    ]);
  const checked = validateTransferDraft(drafted, guide);
  if (!checked.ok) {
    throw invalid(
      checked.problems.map((problem) => ({
        where: `/${problem.field}`,
        message: wordTransferDraftProblem(problem, msg('transfers.fieldInvalid', { field: problem.field })),
      })),
    );
  }
  const { phone, email, ...draft } = checked.value;

  const typeKey = { guideId: draft.guideId, inquiryType: draft.inquiryType };
  const { settings, assignees } =
    lockedSettings &&
    lockedSettings.settings.guideId === typeKey.guideId &&
    lockedSettings.settings.inquiryType === typeKey.inquiryType
      ? lockedSettings
      : await transferSettingsRepository.lockTypeSettings(tx, typeKey, slaColumnsOf(defaultTransferSlaRule));
  const dueAt = computeTransferDueAt(now, slaRuleOf(settings), facts);
  const members = assignees.filter((member) => !member.disabled);
  // Read after the type's lock and share-locked, as the rotation's members are: disabling the holder
  // locks this type too (they hold its open work), so it is either seen here or waits for this filing.
  const holder = holderId === undefined ? undefined : await userRepository.shareLockAccount(tx, holderId);
  const heldBy = holder && !holder.disabled ? holder : undefined;
  const assigneeId = heldBy ? heldBy.id : pickNextAssignee(members, settings.lastAssigneeId);
  const assignedBy = heldBy ? ('open-lead' as const) : ('rotation' as const);

  const year = Number(formatSeoulIso(now).slice(0, 4));
  const transferId = randomUUID();
  const change = { action: 'filed', toStatus: 'received', assignedBy: assigneeId ? assignedBy : null };
  const notify: TransferNotice[] = assigneeId ? [{ userId: assigneeId, reason: 'assigned' }] : [];
  // Its number is the statement's (the insert gives it to the event as it numbers the row).
  const filedEvent = transferLiveEvent({
    type: 'transfer.filed',
    actor: user,
    change,
    notify,
    transfer: {
      id: transferId,
      number: '',
      kind: draft.kind,
      status: 'received',
      inquiryType: draft.inquiryType,
      guideId: draft.guideId,
      assigneeId,
      filedBy: user.id,
    },
  });
  const numbered = await transferRepository.insertNumbered(
    tx,
    context.fieldCodec,
    year,
    {
      id: transferId,
      kind: draft.kind,
      consultationId: consultationId ?? null,
      guideId: draft.guideId,
      inquiryType: draft.inquiryType,
      channel: draft.channel,
      companyName: draft.companyName,
      contactName: draft.contactName,
      phone,
      email,
      inquiry: draft.inquiry,
      reachVia: draft.reachVia,
      filedBy: user.id,
      assigneeId,
      status: 'received',
      dueAt,
      createdAt: now,
      updatedAt: now,
    },
    {
      actorId: user.id,
      action: 'filed',
      detail: {
        toStatus: 'received',
        toAssigneeId: assigneeId,
        ...(assigneeId ? { assignedBy } : {}),
      },
      at: now,
    },
    // The cursor moves in the same statement as the filing (the settings row is locked above); a
    // transfer given to the open lead's holder leaves it, so the next customer gets the next member.
    assigneeId === null || heldBy ? undefined : { key: typeKey, assigneeId },
    // Stored with the filing, not by a statement of their own before the commit while the
    // type's settings row is locked. When nothing is filed the caller's transaction is refused
    // (below) and rolls back, taking these with it.
    { earlier: takePendingEvents(tx), filed: filedEvent },
  );
  if (!numbered) {
    await refuseTransferred(tx, consultationId);
    throw new Error(`transfer of consultation ${consultationId} conflicted but none was found`);
  }
  const { row, sequence, historyId } = numbered;
  rememberStoredEvents(tx, numbered.storedEvents);
  // The statement numbers in SQL; the rule is the domain's, and the two must not drift apart.
  if (row.number !== formatTransferNumber(year, sequence)) {
    throw new Error(`transfer number ${row.number} is not formatTransferNumber(${year}, ${sequence})`);
  }
  // The filer and the assignee are known here: no need to read the row back with their names.
  const assigneeName = heldBy?.name ?? members.find((member) => member.userId === assigneeId)?.name ?? null;
  // Rotation members and the holder taken are active accounts (the disabled are left out above).
  // A lead's row is written after its transfer (fileLead); a received transfer offers no 종결 anyway.
  const item = {
    transfer: row,
    filedByName: user.name,
    assigneeName,
    assigneeDisabled: false,
    leadStatus: null,
  };
  return {
    transferId: row.id,
    historyId,
    item,
    announcement: {
      type: 'transfer.filed',
      item,
      actor: user,
      historyId,
      change,
      notify,
      liveEventStored: true,
    },
    ...(consultation ? { consultationAgentId: consultation.agentId } : {}),
  };
}
