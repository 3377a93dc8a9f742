import type { PreviewTransferFilingQuery } from '../../../contract/transfers/previewTransferFilingQuerySchema.ts';
import type { TransferFilingPreview } from '../../../contract/transfers/transferFilingPreviewSchema.ts';
import { computeTransferDueAt } from '../../../domain/transfer/computeTransferDueAt.ts';
import { pickNextAssignee } from '../../../domain/transfer/pickNextAssignee.ts';
import type { AppContext } from '../../appContext.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { transferSettingsRepository } from '../../repositories/transferSettingsRepository.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { slaRuleOf } from './slaRuleOf.ts';

/**
 * Shown on the transfer form before filing: the assignee the rotation would pick (the person the
 * guide says to mention) and the due time. Reading it moves no cursor; filing decides for real, so
 * with several agents filing at once the actual assignee can be the next one in turn.
 */
export async function previewTransferFiling(
  ctx: AppContext,
  query: PreviewTransferFilingQuery,
): Promise<TransferFilingPreview> {
  const context = await loadPresentContext(ctx);
  const guideId = query.guideId ?? ctx.guides.defaultGuide().id;
  const loaded = ctx.guides.get(guideId);
  if (!loaded) {
    throw new AppError('validation-failed', msg('common.guideNotFound', { id: guideId }), [
      { where: 'querystring/guideId', message: msg('common.guideNotFoundDetail') },
    ]);
  }
  const db = ctx.database.db;
  // A call on an earlier version files its transfer on that version (fileTransfer), so the form
  // previews a type that version has even when the loaded one dropped it.
  const guide =
    query.guideVersion === undefined
      ? loaded
      : ((await context.guideAt(db, guideId, query.guideVersion)) ?? loaded);
  if (!guide.inquiryTypes.some((type) => type.number === query.inquiryType)) {
    throw new AppError(
      'validation-failed',
      msg('transfers.unknownInquiryType', { inquiryType: query.inquiryType }),
      [{ where: 'querystring/inquiryType', message: msg('transfers.unknownInquiryTypeDetail') }],
    );
  }
  const key = { guideId, inquiryType: query.inquiryType };
  const [settings, members] = await Promise.all([
    transferSettingsRepository.findTypeSettings(db, key),
    transferSettingsRepository.listAssignees(db, key),
  ]);
  const active = members.filter((member) => !member.disabled);
  const nextId = pickNextAssignee(active, settings?.lastAssigneeId ?? null);
  const next = active.find((member) => member.userId === nextId);
  const sla = slaRuleOf(settings);
  return {
    guideId,
    inquiryType: query.inquiryType,
    assignee: next ? { id: next.userId, name: next.name } : null,
    sla,
    dueAt: computeTransferDueAt(context.now, sla, context.facts).toISOString(),
  };
}
