import type { RevealedTransfer } from '../../../contract/transfers/revealedTransferSchema.ts';
import type { RevealTransferInput } from '../../../contract/transfers/revealTransferSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { emailBlindIndex, phoneBlindIndex } from '../../crypto/blindIndex.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { auditRepository } from '../../repositories/auditRepository.ts';
import { transferRepository } from '../../repositories/transferRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { findVisibleTransfer } from './getTransfer.ts';

/**
 * Returns a transfer's contact name, phone, e-mail, inquiry, comments and status notes in clear, so
 * the business team can call the customer back — whoever filed it, through the console, the API or a lead. The reveal is
 * written to the access log (account, time, IP, transfer, the phone's or e-mail's blind index, the
 * reason) before anything is returned; if that write fails, nothing is revealed. The route has
 * already checked 'personal-data:reveal'.
 */
export async function revealTransfer(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  input: RevealTransferInput,
  origin: { ip: string | null },
): Promise<RevealedTransfer> {
  const found = await findVisibleTransfer(ctx.database.db, ctx.fieldCodec, user, id);
  if (found.transfer.personalDataErasedAt !== null) {
    // The cause as it was: a data-subject request is not the end of the retention period.
    const because = found.transfer.personalDataErasedReason;
    throw new AppError(
      'conflict',
      msg(
        because === 'subject-request'
          ? 'transfers.personalDataErasedBySubjectRequest'
          : because === 'retention-ended'
            ? 'transfers.personalDataErased'
            : 'transfers.personalDataErasedUnknownCause',
      ),
    );
  }
  const open = found.transfer;
  const subjectIndex =
    (open.phone ? phoneBlindIndex(ctx.fieldKeys, open.phone) : null) ??
    (open.email ? emailBlindIndex(ctx.fieldKeys, open.email) : null);
  await auditRepository.append(ctx.database.db, ctx.fieldKeys, {
    at: ctx.now(),
    actorId: user.id,
    action: 'personal-data.reveal',
    subject: `transfer:${id}`,
    subjectIndex,
    ip: origin.ip,
    reason: input.reason,
    detail: { fields: ['contactName', 'phone', 'email', 'inquiry', 'comments', 'notes'], role: user.role },
  });
  const db = ctx.database.db;
  const [comments, history] = await Promise.all([
    transferRepository.comments(db, ctx.fieldCodec, id),
    transferRepository.history(db, ctx.fieldCodec, id),
  ]);
  return {
    transferId: id,
    contactName: open.contactName,
    phone: open.phone,
    email: open.email,
    inquiry: open.inquiry,
    comments: comments.map((comment) => ({ id: comment.id, body: comment.body })),
    notes: history.flatMap((entry) =>
      entry.detail.note ? [{ historyId: entry.id, note: entry.detail.note }] : [],
    ),
  };
}
