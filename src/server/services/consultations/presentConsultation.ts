import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import { maskText } from '../../../domain/privacy/maskText.ts';
import type { ConsultationRow } from '../../repositories/consultationRepository.ts';

/** A consultation as the API returns it. Personal data is masked unless `reveal` is set. */
export type ConsultationView = {
  id: string;
  channel: 'call' | 'chat';
  callerNumber: string | null;
  status: 'open' | 'completed';
  guideId: string;
  guideVersion: string;
  scriptId: string | null;
  inquiryType: number | null;
  history: Array<{ nodeId: string; answer: string }>;
  outcome: string | null;
  businessHoursOpen: boolean | null;
  record: { category: string; title: string; body: string } | null;
  agent: { id: string; name: string };
  startedAt: string;
  completedAt: string | null;
};

/**
 * Shapes a stored consultation for the API. Masking is the default everywhere; only the response
 * to the agent who just wrote the record carries it in clear (`reveal`).
 */
export function presentConsultation(
  row: ConsultationRow,
  agentName: string,
  options: { reveal?: boolean } = {},
): ConsultationView {
  const show = (text: string) => (options.reveal ? text : maskText(text));
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
      row.recordCategory !== null && row.recordTitle !== null && row.recordBody !== null
        ? { category: row.recordCategory, title: show(row.recordTitle), body: show(row.recordBody) }
        : null,
    agent: { id: row.agentId, name: agentName },
    startedAt: row.startedAt.toISOString(),
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
  };
}
