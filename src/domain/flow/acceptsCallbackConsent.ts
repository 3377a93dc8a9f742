import type { GuideNode } from '../guide/guideSchema.ts';
import type { FlowEntry } from './flowTypes.ts';

/**
 * Whether a path entry is the decision on the consent to take a callback number, recorded at a
 * transfer end ("agreed" or "refused" on an end whose outcome is a transfer). The chatbot takes
 * one there: it cannot use the number the app holds, so it asks for one under the consent notice
 * (callbackConsentReading), and the path keeps the answer with the rest.
 */
export function acceptsCallbackConsent(
  node: GuideNode | undefined,
  entry: Pick<FlowEntry, 'nodeId'> & { answer: string },
): boolean {
  return (
    node?.type === 'end' &&
    node.outcome === 'transfer' &&
    node.id === entry.nodeId &&
    (entry.answer === 'agreed' || entry.answer === 'refused')
  );
}
