import type { ConsultationDraftContent } from '../../contract/consultations/consultationDraftContentSchema.ts';
import type { ConsoleState, RecordDraft } from './consoleState.ts';

/**
 * What the console saves of a call in progress (PUT …/draft) so that a reload, Back or another
 * tab resumes it: the type and script chosen, the path so far, the values taken down, the record as
 * written (title and body only when edited by hand) and the transfer choice. Null without a call.
 */
export function toConsoleDraft(state: ConsoleState): ConsultationDraftContent | null {
  const { phase } = state;
  if (phase.kind === 'start') return null;
  if (phase.kind === 'pick') {
    return { scriptId: null, inquiryType: null, history: [], collected: {}, record: {}, transfer: null };
  }
  const { progress } = phase;
  const businessNumber = progress.businessNumber ? { businessNumber: progress.businessNumber } : {};
  const base = {
    // With several guides the type may be another guide's than the one the call started on.
    guideId: progress.guide.id,
    scriptId: progress.flow.scriptId,
    inquiryType: progress.inquiryType.number,
    history: progress.flow.history,
    collected: progress.collected,
    ...businessNumber,
  };
  if (phase.kind === 'flow') return { ...base, record: {}, transfer: null };
  const { fields, titleOverride, bodyOverride } = phase.record;
  return {
    ...base,
    record: {
      ...fields,
      ...(titleOverride === null ? {} : { title: titleOverride }),
      ...(bodyOverride === null ? {} : { body: bodyOverride }),
    },
    transfer: phase.transfer,
  };
}

/** The record form restored from a draft, over the form the flow would start with; null when the draft has none. */
export function recordFromDraft(draft: ConsultationDraftContent, fallback: RecordDraft): RecordDraft | null {
  const { record } = draft;
  if (record.summary === undefined) return null;
  return {
    fields: {
      summary: record.summary,
      companyName: record.companyName ?? fallback.fields.companyName,
      contactName: record.contactName ?? fallback.fields.contactName,
      phone: record.phone ?? fallback.fields.phone,
      inquiry: record.inquiry ?? fallback.fields.inquiry,
    },
    titleOverride: record.title ?? null,
    bodyOverride: record.body ?? null,
  };
}
