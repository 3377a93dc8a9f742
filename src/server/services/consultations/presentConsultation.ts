import type { Consultation } from '../../../contract/consultations/consultationSchema.ts';
import { maskPersonalText } from '../../../domain/privacy/maskPersonalText.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';
import { knownNamesOfConsultation } from './knownNamesOfConsultation.ts';

/**
 * Shapes a consultation (opened by the repository, see sealedTables.ts) for the API. Masking is the
 * default everywhere — phone numbers and emails by pattern, and the record's known contact name —
 * with the one rule of src/domain/privacy; only the response to the agent who just wrote the record
 * carries it in clear (`reveal`). Others see clear values only through POST …/reveal, which is logged.
 */
export function presentConsultation(
  row: ConsultationRow,
  agentName: string,
  options: { reveal?: boolean } = {},
): Consultation {
  const names = knownNamesOfConsultation(row);
  const show = (text: string) => (options.reveal ? text : maskPersonalText(text, names));
  return {
    id: row.id,
    channel: row.channel,
    callerNumber: row.callerNumber ? (options.reveal ? row.callerNumber : maskPhone(row.callerNumber)) : null,
    status: row.status,
    guideId: row.guideId,
    guideVersion: row.guideVersion,
    scriptId: row.scriptId,
    inquiryType: row.inquiryType,
    history: row.path,
    outcome: row.outcome,
    businessHoursOpen: row.businessHoursOpen,
    record:
      row.recordCategory !== null
        ? {
            category: row.recordCategory,
            title: show(row.recordTitle ?? ''),
            body: show(row.recordBody ?? ''),
          }
        : null,
    agent: { id: row.agentId, name: agentName },
    startedAt: row.startedAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
    personalDataErasedAt: row.personalDataErasedAt ? row.personalDataErasedAt.toISOString() : null,
    directoryMatched: row.directoryMatched,
  };
}
