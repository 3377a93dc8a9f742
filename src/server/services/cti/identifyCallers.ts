import type { CallerIdentity } from '../../../contract/cti/callerIdentitySchema.ts';
import { describeCaller } from '../../../domain/cti/describeCaller.ts';
import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import type { Locale } from '../../i18n/locale.ts';
import { findRegisteredContactsByPhone } from '../companies/findRegisteredContactsByPhone.ts';
import { wordCallerIdentity } from './wordCallerIdentity.ts';

/**
 * Who each of these numbers is by the business directory, as the screen pop words it (masked, in
 * the reader's language), keyed by number. Each number is looked up once however many calls share it.
 */
export async function identifyCallers(
  db: Database,
  codec: FieldCodec,
  numbers: ReadonlyArray<string | null>,
  locale: Locale,
): Promise<Map<string, CallerIdentity>> {
  const identities = new Map<string, CallerIdentity>();
  for (const number of new Set(numbers)) {
    if (number === null) continue;
    const matches = await findRegisteredContactsByPhone(db, codec, number);
    identities.set(number, wordCallerIdentity(describeCaller(matches), locale));
  }
  return identities;
}
