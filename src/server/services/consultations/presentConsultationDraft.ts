import type { ConsultationDraft } from '../../../contract/consultations/consultationDraftSchema.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';
import { openConsultationDraft } from '../privacy/openConsultationDraft.ts';

/** A consultation's draft as its own agent reads it back (in clear: they typed it). */
export function presentConsultationDraft(keys: FieldKeys, row: ConsultationRow): ConsultationDraft {
  return {
    consultationId: row.id,
    revision: row.draftRevision,
    savedAt: row.draftSavedAt ? row.draftSavedAt.toISOString() : null,
    draft: openConsultationDraft(keys, row.draft),
  };
}
