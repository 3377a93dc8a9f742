import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { userRepository } from '../../repositories/userRepository.ts';

/**
 * Refuses an extension another account already has (409): a screen pop must go to one person. The
 * unique index stays the last word when two admins race.
 */
export async function refuseTakenExtension(
  db: Database,
  extension: string,
  ownerId: string | null,
): Promise<void> {
  const holder = await userRepository.findByExtension(db, extension);
  if (holder && holder.id !== ownerId) {
    throw new AppError('conflict', msg('users.extensionTaken', { extension, holder: holder.name }), [
      { where: '/extension', message: msg('users.extensionTakenDetail') },
    ]);
  }
}
