import { defaultTransferSlaRule } from '../../../domain/transfer/computeTransferDueAt.ts';
import type { Database } from '../../db/openDatabase.ts';
import {
  type TransferTypeKey,
  transferSettingsRepository,
} from '../../repositories/transferSettingsRepository.ts';
import { slaColumnsOf } from './slaRuleOf.ts';

/**
 * Takes, for the caller's transaction, the lock filing takes on each inquiry type the person is in
 * the rotation of or holds open work of (lockTypeSettings), in one order. Disabling someone does it
 * before writing the disable, so a transfer filed at that moment is either filed first — the
 * disable waits for it and hands it over with the rest — or after, reading the person as disabled
 * (the rotation read share-locks each member's account row, so it sees the committed disable
 * rather than its statement's older snapshot) and skipping them. Returns the types it locked.
 */
export async function lockRotationsOfPerson(tx: Database, userId: string): Promise<TransferTypeKey[]> {
  const types = await transferSettingsRepository.typesOfPerson(tx, userId);
  for (const key of types)
    await transferSettingsRepository.lockTypeSettings(tx, key, slaColumnsOf(defaultTransferSlaRule));
  return types;
}
