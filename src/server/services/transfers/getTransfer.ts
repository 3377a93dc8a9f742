import type { TransferDetail } from '../../../contract/transfers/transferDetailSchema.ts';
import type { AppContext } from '../../appContext.ts';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import type { Locale } from '../../i18n/locale.ts';
import { msg } from '../../i18n/localisedText.ts';
import { can } from '../../policies.ts';
import { leadRepository } from '../../repositories/leadRepository.ts';
import { type TransferWithPeople, transferRepository } from '../../repositories/transferRepository.ts';
import { userRepository } from '../../repositories/userRepository.ts';
import type { PublicUser } from '../auth/publicUser.ts';
import { knownNamesOfTransfer } from './knownNamesOfTransfer.ts';
import { loadPresentContext } from './loadPresentContext.ts';
import { presentTransfer } from './presentTransfer.ts';
import { presentTransferComments, presentTransferHistory } from './presentTransferHistory.ts';

/**
 * Finds a transfer the user may see: their own, or any for roles that read all. Anything else is
 * "not found", so ids of other agents' transfers cannot be probed.
 */
export async function findVisibleTransfer(
  db: Database,
  codec: FieldCodec,
  user: PublicUser,
  id: string,
): Promise<TransferWithPeople> {
  const found = await transferRepository.findById(db, codec, id);
  if (!found || (found.transfer.filedBy !== user.id && !can(user.role, 'transfer:read-all'))) {
    throw new AppError('not-found', msg('transfers.notFound', { id }));
  }
  return found;
}

/**
 * A transfer with its history (who changed what, when; its lines worded in `locale`, like the
 * server's other words in it) and comments, personal data masked.
 */
export async function getTransfer(
  ctx: AppContext,
  user: PublicUser,
  id: string,
  locale: Locale,
): Promise<TransferDetail> {
  const db = ctx.database.db;
  const found = await findVisibleTransfer(db, ctx.fieldCodec, user, id);
  const [context, history, comments, people] = await Promise.all([
    loadPresentContext(ctx),
    transferRepository.history(db, ctx.fieldCodec, id),
    transferRepository.comments(db, ctx.fieldCodec, id),
    userRepository.list(db),
  ]);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const knownNames = knownNamesOfTransfer(found.transfer);
  return {
    ...presentTransfer(found, { ...context, locale }),
    history: presentTransferHistory(history, names, knownNames, locale),
    comments: presentTransferComments(comments, names, knownNames, locale),
    leadId: found.transfer.kind === 'lead' ? ((await leadRepository.findIdByTransfer(db, id)) ?? null) : null,
  };
}
