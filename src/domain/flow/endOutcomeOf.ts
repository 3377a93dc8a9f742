import type { EndNode, EndOutcome } from '../guide/guideSchema.ts';
import { acceptsCallbackConsent } from './acceptsCallbackConsent.ts';
import type { FlowEntry } from './flowTypes.ts';

/**
 * How a path that rests on an end finishes: the end's outcome, except a transfer end whose
 * callback number was refused (its last entry, recordCallbackConsent) — no transfer can be filed
 * without somewhere to call, so it ends as the guide ends a refused consent: declined (Q4's 동의 거부
 * → 종료 안내), the outcome the console records for a refusal.
 */
export function endOutcomeOf(node: EndNode, history: readonly FlowEntry[]): EndOutcome {
  const last = history.at(-1);
  return last && last.answer === 'refused' && acceptsCallbackConsent(node, last) ? 'declined' : node.outcome;
}
