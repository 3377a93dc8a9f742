import { findContactPoints } from '../../../domain/privacy/findContactPoints.ts';
import { blindIndex } from '../../crypto/blindIndex.ts';
import { encryptField } from '../../crypto/encryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';

/** A consultation's personal fields in clear, as the service has them. */
export type ClearConsultationPersonalData = {
  callerNumber: string | null;
  recordTitle?: string | null;
  recordBody?: string | null;
  recordFields?: Record<string, string> | null;
};

/** The same fields as stored: encrypted, plus the blind indexes for lookup. */
export type SealedConsultationPersonalData = {
  callerNumber: string | null;
  recordTitle?: string | null;
  recordBody?: string | null;
  recordFields?: Record<string, string> | null;
  personalIndex: string[] | null;
};

/**
 * Encrypts a consultation's personal fields for storage and computes the blind indexes of every
 * phone number and email they contain (caller number, record fields, body), so the record can be
 * found by phone or email without decrypting anything. Empty values stay empty (nothing to hide,
 * and the record shape stays readable).
 */
export function sealConsultationPersonalData(
  keys: FieldKeys,
  clear: ClearConsultationPersonalData,
): SealedConsultationPersonalData {
  const seal = (value: string | null | undefined) =>
    value === null || value === undefined || value === '' ? (value ?? null) : encryptField(keys, value);
  const texts = [
    clear.callerNumber ?? '',
    clear.recordTitle ?? '',
    clear.recordBody ?? '',
    ...Object.values(clear.recordFields ?? {}),
  ];
  const points = findContactPoints(texts.join('\n'));
  const indexes = [
    ...points.phones.map((digits) => blindIndex(keys, 'phone', digits)),
    ...points.emails.map((email) => blindIndex(keys, 'email', email)),
  ];
  const sealed: SealedConsultationPersonalData = {
    callerNumber: seal(clear.callerNumber),
    personalIndex: indexes.length > 0 ? indexes : null,
  };
  if (clear.recordTitle !== undefined) sealed.recordTitle = seal(clear.recordTitle);
  if (clear.recordBody !== undefined) sealed.recordBody = seal(clear.recordBody);
  if (clear.recordFields !== undefined) {
    sealed.recordFields =
      clear.recordFields === null
        ? null
        : Object.fromEntries(
            Object.entries(clear.recordFields).map(([key, value]) => [key, seal(value) ?? '']),
          );
  }
  return sealed;
}
