import { encryptField } from '../../crypto/encryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';

/** The personal fields of a transfer, in clear. */
export type TransferPersonalData = {
  contactName: string;
  phone: string | null;
  email: string | null;
  inquiry: string;
};

/**
 * Encrypts a transfer's personal fields for storage, like a consultation's (src/server/crypto): the
 * contact's name, phone and e-mail, and the inquiry text, which often repeats them. The company
 * name is not personal data and stays searchable in clear.
 */
export function sealTransferPersonalData(keys: FieldKeys, data: TransferPersonalData): TransferPersonalData {
  return {
    contactName: encryptField(keys, data.contactName),
    phone: data.phone === null ? null : encryptField(keys, data.phone),
    email: data.email === null ? null : encryptField(keys, data.email),
    inquiry: encryptField(keys, data.inquiry),
  };
}
