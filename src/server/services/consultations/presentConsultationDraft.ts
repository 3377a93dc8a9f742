import {
  type ConsultationDraftContent,
  consultationDraftContentSchema,
} from '../../../contract/consultations/consultationDraftContentSchema.ts';
import type { ConsultationDraft } from '../../../contract/consultations/consultationDraftSchema.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';

/**
 * The stored draft (opened by the repository). A draft that no longer fits the current shape
 * (written by an older version) or cannot be opened reads as no draft rather than failing the
 * agent's screen.
 */
function parseDraft(text: string | null): ConsultationDraftContent | null {
  if (text === null || text === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const draft = consultationDraftContentSchema.safeParse(parsed);
  return draft.success ? draft.data : null;
}

/** A consultation's draft as its own agent reads it back (in clear: they typed it). */
export function presentConsultationDraft(row: ConsultationRow): ConsultationDraft {
  return {
    consultationId: row.id,
    revision: row.draftRevision,
    savedAt: row.draftSavedAt ? row.draftSavedAt.toISOString() : null,
    draft: parseDraft(row.draft),
  };
}
