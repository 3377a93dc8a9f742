import { findContactPoints } from '../../../domain/privacy/findContactPoints.ts';
import { blindIndex } from '../../crypto/blindIndex.ts';
import { encryptField } from '../../crypto/encryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';

/** The personal fields of a transfer, in clear. */
export type TransferPersonalData = {
  contactName: string;
  phone: string | null;
  email: string | null;
  inquiry: string;
};

/** The same fields as stored: encrypted, plus the blind indexes for data-subject lookup. */
export type SealedTransferPersonalData = TransferPersonalData & { personalIndex: string[] | null };

/**
 * Encrypts a transfer's personal fields for storage, like a consultation's (src/server/crypto): the
 * contact's name, phone and e-mail, and the inquiry text, which often repeats them. The blind
 * indexes of every phone number and e-mail among them let a data-subject request find a transfer
 * filed on its own. The company name is not personal data and stays searchable in clear.
 */
export function sealTransferPersonalData(
  keys: FieldKeys,
  data: TransferPersonalData,
): SealedTransferPersonalData {
  const points = findContactPoints(
    [data.phone ?? '', data.email ?? '', data.contactName, data.inquiry].join('\n'),
  );
  const indexes = [
    ...points.phones.map((digits) => blindIndex(keys, 'phone', digits)),
    ...points.emails.map((email) => blindIndex(keys, 'email', email)),
  ];
  return {
    personalIndex: indexes.length > 0 ? [...new Set(indexes)] : null,
    contactName: encryptField(keys, data.contactName),
    phone: data.phone === null ? null : encryptField(keys, data.phone),
    email: data.email === null ? null : encryptField(keys, data.email),
    inquiry: encryptField(keys, data.inquiry),
  };
}
