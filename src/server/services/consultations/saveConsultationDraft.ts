import type { ConsultationDraft } from '../../../contract/consultations/consultationDraftSchema.ts';
import type { SaveConsultationDraftInput } from '../../../contract/consultations/saveConsultationDraftSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { publishEvent } from '../../events/publishEvent.ts';
import { msg } from '../../i18n/localisedText.ts';
import { consultationRepository } from '../../repositories/consultationRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { findGuideVersion } from '../guides/findGuideVersion.ts';
import { refuseClosedConsultation } from './refuseClosedConsultation.ts';
import { resolveTypeScript } from './resolveTypeScript.ts';

/** Live event of a draft write: ids and the revision only, for the same agent's other tabs. */
export const DRAFT_SAVED_EVENT = 'consultation.draft-saved';

/**
 * A draft must name what the console can resume: a loaded guide (the call's own at the version it
 * started on), one of its types and that type's script. Saved anyway, a draft naming another
 * guide would fail every resume of the call (the console asks for that guide), and a stray type or
 * script would be dropped on resume without a word. The path is not checked: the console replays
 * it on resume and stops at the first step the guide no longer allows, and the finish replays it
 * again.
 */
async function refuseUnusableDraft(
  ctx: AppContext,
  consultation: { guideId: string; guideVersion: string },
  draft: SaveConsultationDraftInput['draft'],
): Promise<void> {
  const guideId = draft.guideId ?? consultation.guideId;
  // On the call's own guide, the version it started on (which it is saved on): a restart that
  // loaded a newer one must not refuse the drafts of the calls then in progress. A version no
  // server kept (started before versions were) is checked against the loaded one, as before.
  const guide =
    (guideId === consultation.guideId
      ? await findGuideVersion(ctx, ctx.database.db, guideId, consultation.guideVersion)
      : undefined) ?? ctx.guides.get(guideId);
  if (!guide) {
    throw new AppError('validation-failed', msg('common.guideNotFound', { id: guideId }), [
      { where: '/draft/guideId', message: msg('common.guideNotFoundDetail') },
    ]);
  }
  if (draft.inquiryType !== null) resolveTypeScript(guide, draft.inquiryType, draft.scriptId, '/draft');
  else if (draft.scriptId !== null) {
    // A script is opened by picking a type (console and chatbot alike): one without the other is
    // a draft no screen wrote.
    const message = msg('transfers.inquiryTypeRequired');
    throw new AppError('validation-failed', message, [{ where: '/draft/inquiryType', message }]);
  }
}

/**
 * Saves the work in progress of the agent's own open consultation (PUT …/draft): encrypted like the
 * record, kept only when its revision is newer than the stored one, counted as activity (it keeps
 * the consultation from being abandoned), and announced to the agent's other tabs — all in one
 * transaction, so a tab never hears of a draft that was not stored.
 */
export async function saveConsultationDraft(
  ctx: AppContext,
  agent: PublicUser,
  id: string,
  input: SaveConsultationDraftInput,
  options: {
    /**
     * Rows the caller writes with the draft, in its transaction (the chatbot's consent records
     * for what the draft holds): stored with the draft or not at all.
     */
    alsoWrite?: (tx: Database) => Promise<void>;
  } = {},
): Promise<ConsultationDraft> {
  const db = ctx.database.db;
  const found = await consultationRepository.findById(db, ctx.fieldCodec, id);
  // Only the consultation's own agent: a draft is their typing, not a record others may read.
  if (!found || found.consultation.agentId !== agent.id) {
    throw new AppError('not-found', msg('common.consultationNotFound', { id }));
  }
  if (found.consultation.status !== 'open') throw refuseClosedConsultation(found.consultation);
  const stale = () =>
    new AppError('conflict', msg('consultations.staleDraft'), [
      { where: '/revision', message: msg('consultations.staleDraftDetail', { revision: input.revision }) },
    ]);
  if (found.consultation.draftRevision >= input.revision) throw stale();
  await refuseUnusableDraft(ctx, found.consultation, input.draft);
  const { callerNumber } = found.consultation;
  const savedAt = ctx.now();
  const saved = await db.transaction(async (tx) => {
    const row = await consultationRepository.saveDraft(tx, ctx.fieldCodec, id, {
      draft: JSON.stringify(input.draft),
      callerNumber,
      draftRevision: input.revision,
      draftSavedAt: savedAt,
    });
    if (!row) return undefined;
    await options.alsoWrite?.(tx);
    await publishEvent(tx, {
      type: DRAFT_SAVED_EVENT,
      data: {
        consultationId: id,
        agentId: agent.id,
        revision: input.revision,
        savedAt: savedAt.toISOString(),
      },
    });
    return row;
  });
  if (!saved) {
    // Another request got in between: a newer draft, or the consultation was saved or abandoned.
    const now = await consultationRepository.findById(db, ctx.fieldCodec, id);
    if (now && now.consultation.status !== 'open') throw refuseClosedConsultation(now.consultation);
    throw stale();
  }
  return { consultationId: id, revision: input.revision, savedAt: savedAt.toISOString(), draft: input.draft };
}
