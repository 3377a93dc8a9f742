import type { FirstRunChecklist } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import type { FirstRunStepId } from '../../../contract/firstRun/firstRunStepIdSchema.ts';
import type { UpdateFirstRunStepInput } from '../../../contract/firstRun/updateFirstRunStepSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { firstRunRepository } from '../../repositories/firstRunRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { readFirstRunChecklist } from './getFirstRunChecklist.ts';

// Steps whose data cannot say whether they are done: an admin looks and says so.
const reviewedByHand: ReadonlySet<FirstRunStepId> = new Set(['closures']);

/**
 * Skips a step of the first-run checklist (or takes the skip back), or records that an admin
 * reviewed one checked by eye (the company closures). Audited like other settings changes.
 */
export async function updateFirstRunStep(
  ctx: AppContext,
  actor: PublicUser,
  step: FirstRunStepId,
  input: UpdateFirstRunStepInput,
  locale: Locale = 'ko',
): Promise<FirstRunChecklist> {
  if (input.reviewed && !reviewedByHand.has(step)) {
    throw new AppError('validation-failed', msg('firstRun.notReviewable', { step }), [
      { where: '/reviewed', message: msg('firstRun.notReviewableDetail') },
    ]);
  }
  const now = ctx.now();
  return ctx.database.db.transaction(async (tx) => {
    await firstRunRepository.upsertStep(tx, step, {
      ...(input.skipped === undefined
        ? {}
        : input.skipped
          ? { skippedAt: now, skippedBy: actor.id }
          : { skippedAt: null, skippedBy: null }),
      ...(input.reviewed ? { reviewedAt: now, reviewedBy: actor.id } : {}),
      updatedAt: now,
    });
    await auditRepository.append(tx, ctx.fieldKeys, {
      at: now,
      actorId: actor.id,
      action: 'first-run.step-updated',
      subject: `first-run:${step}`,
      detail: { step, ...input },
    });
    return readFirstRunChecklist(tx, ctx, locale);
  });
}
