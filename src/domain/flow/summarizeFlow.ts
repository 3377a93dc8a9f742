import { callbackConsentReading } from '../consent/callbackConsentReading.ts';
import { consentReading } from '../consent/consentReading.ts';
import type { EndOutcome, Guide } from '../guide/guideSchema.ts';
import { acceptsCallbackConsent } from './acceptsCallbackConsent.ts';
import { endOutcomeOf } from './endOutcomeOf.ts';
import type { FlowState } from './flowTypes.ts';

/** A consent decision taken on the path: the notice as read (id, version, items) and the answer. */
export type FlowConsent = { noticeId: string; noticeVersion: string; agreed: boolean; items: string[] };

/** What a consultation stores about its flow besides the history. */
export type FlowSummary = {
  complete: boolean;
  outcome: EndOutcome | null;
  /** The business-hours decision taken on the path, if any. */
  businessHours: 'open' | 'closed' | null;
  /** The last consent decision on the path (its notice version is kept as evidence), if any. */
  consent: FlowConsent | null;
  /** Every consent decision on the path, in order: each is a consent record. */
  consents: FlowConsent[];
  /**
   * How the team reaches the caller, as the path's end says (the guide's `reachVia`):
   * 'registered-contact' when the caller agreed to be called at the account's registered contact.
   */
  reachVia: 'registered-contact' | null;
};

/** Summarises a flow state for storage and reports: outcome, business-hours decision and consent given or refused. */
export function summarizeFlow(guide: Guide, state: FlowState): FlowSummary {
  const script = guide.scripts.find((candidate) => candidate.id === state.scriptId);
  const nodeOf = (id: string) => script?.nodes.find((candidate) => candidate.id === id);
  const current = nodeOf(state.currentNodeId);
  let businessHours: FlowSummary['businessHours'] = null;
  const consents: FlowConsent[] = [];
  for (const entry of state.history) {
    const node = nodeOf(entry.nodeId);
    if (node?.type === 'businessHours' && (entry.answer === 'open' || entry.answer === 'closed'))
      businessHours = entry.answer;
    // A consent node reads the whole notice; a callback number is asked under the notice naming it.
    const reading =
      node?.type === 'consent'
        ? consentReading(guide.consentNotice)
        : acceptsCallbackConsent(node, entry)
          ? callbackConsentReading(guide)
          : null;
    if (reading) {
      consents.push({
        noticeId: reading.noticeId,
        noticeVersion: reading.noticeVersion,
        agreed: entry.answer === 'agreed',
        items: reading.items,
      });
    }
  }
  return {
    complete: current?.type === 'end',
    outcome: current?.type === 'end' ? endOutcomeOf(current, state.history) : null,
    businessHours,
    consent: consents.at(-1) ?? null,
    consents,
    reachVia: current?.type === 'end' ? (current.reachVia ?? null) : null,
  };
}
