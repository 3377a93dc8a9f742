import {
  type ConsultationDraftContent,
  consultationDraftContentSchema,
} from '../../../contract/consultations/consultationDraftContentSchema.ts';
import { decryptField } from '../../crypto/decryptField.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';

/**
 * Opens a stored draft (see sealConsultationDraft). A draft that no longer fits the current shape
 * (written by an older version) reads as no draft rather than failing the agent's screen.
 */
export function openConsultationDraft(
  keys: FieldKeys,
  sealed: string | null,
): ConsultationDraftContent | null {
  if (sealed === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(decryptField(keys, sealed));
  } catch {
    return null;
  }
  const draft = consultationDraftContentSchema.safeParse(parsed);
  return draft.success ? draft.data : null;
}
