import type { EndOutcome, Guide } from '../guide/guideSchema.ts';
import type { FlowState } from './flowTypes.ts';

/** What a consultation stores about its flow besides the history. */
export type FlowSummary = {
  complete: boolean;
  outcome: EndOutcome | null;
  /** The business-hours decision taken on the path, if any. */
  businessHours: 'open' | 'closed' | null;
  /** The consent notice answered on the path (its version is kept as evidence), if any. */
  consent: { noticeId: string; noticeVersion: string; agreed: boolean } | null;
};

/** Summarises a flow state for storage and reports: outcome, business-hours decision and consent given or refused. */
export function summarizeFlow(guide: Guide, state: FlowState): FlowSummary {
  const script = guide.scripts.find((candidate) => candidate.id === state.scriptId);
  const nodeOf = (id: string) => script?.nodes.find((candidate) => candidate.id === id);
  const current = nodeOf(state.currentNodeId);
  let businessHours: FlowSummary['businessHours'] = null;
  let consent: FlowSummary['consent'] = null;
  for (const entry of state.history) {
    const node = nodeOf(entry.nodeId);
    if (node?.type === 'businessHours' && (entry.answer === 'open' || entry.answer === 'closed'))
      businessHours = entry.answer;
    if (node?.type === 'consent') {
      consent = {
        noticeId: guide.consentNotice.id,
        noticeVersion: guide.consentNotice.version,
        agreed: entry.answer === 'agreed',
      };
    }
  }
  return {
    complete: current?.type === 'end',
    outcome: current?.type === 'end' ? current.outcome : null,
    businessHours,
    consent,
  };
}
