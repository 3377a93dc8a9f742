import type { ConsultationDraftContent } from '../../../contract/consultations/consultationDraftContentSchema.ts';
import { findContactPoints } from '../../../domain/privacy/findContactPoints.ts';
import { blindIndex } from '../../crypto/blindIndex.ts';
import { encryptField } from '../../crypto/encryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';

/**
 * Seals a consultation's draft for storage: the whole JSON encrypted like the record (it carries
 * names, phone numbers and e-mail addresses as typed), and the blind indexes of every phone and
 * e-mail in it and in the caller number, so a data-subject request finds a consultation that never
 * got past its draft.
 */
export function sealConsultationDraft(
  keys: FieldKeys,
  draft: ConsultationDraftContent,
  callerNumber: string | null,
): { draft: string; personalIndex: string[] | null } {
  const texts = [callerNumber ?? '', ...Object.values(draft.collected), ...Object.values(draft.record)];
  if (draft.transfer) texts.push(draft.transfer.email);
  const points = findContactPoints(texts.filter((value) => typeof value === 'string').join('\n'));
  const indexes = [
    ...points.phones.map((digits) => blindIndex(keys, 'phone', digits)),
    ...points.emails.map((email) => blindIndex(keys, 'email', email)),
  ];
  return {
    draft: encryptField(keys, JSON.stringify(draft)),
    personalIndex: indexes.length > 0 ? [...new Set(indexes)] : null,
  };
}
