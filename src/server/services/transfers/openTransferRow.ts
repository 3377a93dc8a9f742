import { decryptField, isEncryptedField } from '../../crypto/decryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { TransferRow } from '../../repositories/transferRepository.ts';

/** Decrypts a stored transfer's personal fields (values written in clear pass through unchanged). */
export function openTransferRow(keys: FieldKeys, row: TransferRow): TransferRow {
  const open = (value: string) => (isEncryptedField(value) ? decryptField(keys, value) : value);
  return {
    ...row,
    contactName: open(row.contactName),
    phone: row.phone === null ? null : open(row.phone),
    email: row.email === null ? null : open(row.email),
    inquiry: open(row.inquiry),
  };
}
