import { decryptField, isEncryptedField } from '../../crypto/decryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';

/**
 * Decrypts a stored consultation's personal fields, for presenting (masked) or revealing. Values
 * without the cipher prefix are rows written before encryption existed and are returned as they
 * are; the retention purge erases those like any other.
 */
export function openConsultationRow(keys: FieldKeys, row: ConsultationRow): ConsultationRow {
  const open = (value: string | null) =>
    value !== null && isEncryptedField(value) ? decryptField(keys, value) : value;
  return {
    ...row,
    callerNumber: open(row.callerNumber),
    recordTitle: open(row.recordTitle),
    recordBody: open(row.recordBody),
    recordFields:
      row.recordFields === null
        ? null
        : Object.fromEntries(
            Object.entries(row.recordFields).map(([key, value]) => [key, open(value) ?? '']),
          ),
  };
}
