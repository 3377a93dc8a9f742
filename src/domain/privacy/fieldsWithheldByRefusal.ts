import { acceptsCallbackConsent } from '../flow/acceptsCallbackConsent.ts';
import type { FlowState } from '../flow/flowTypes.ts';
import type { CollectFieldKey, Guide, GuideNode } from '../guide/guideSchema.ts';
import { listNodeEdges } from '../guide/listNodeEdges.ts';

/**
 * The fields a consultation may not keep because the caller refused consent on its path: those
 * the consented collection would have asked for (every collect step reachable from the refused
 * consent's "agreed" branch). The guide's consent rule: newly collected personal data is stored
 * only with consent ("거부 시 처리가 제한될 수 있습니다") — after a refusal the record holds none of it,
 * whatever was typed earlier in the call; a callback number refused at a transfer end withholds
 * the phone. Empty when no consent was refused on the path.
 */
export function fieldsWithheldByRefusal(
  guide: Guide,
  state: Pick<FlowState, 'scriptId' | 'history'>,
): Set<CollectFieldKey> {
  const script = guide.scripts.find((candidate) => candidate.id === state.scriptId);
  const withheld = new Set<CollectFieldKey>();
  if (!script) return withheld;
  const nodes = new Map<string, GuideNode>(script.nodes.map((node) => [node.id, node]));
  /** The fields the collect steps reachable from `from` ask for. */
  const collectedFrom = (from: string): Set<CollectFieldKey> => {
    const keys = new Set<CollectFieldKey>();
    const seen = new Set<string>();
    const pending = [from];
    for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
      const node = seen.has(id) ? undefined : nodes.get(id);
      if (!node) continue;
      seen.add(id);
      if (node.type === 'collect') for (const field of node.fields) keys.add(field.key);
      for (const edge of listNodeEdges(node)) pending.push(edge.target);
    }
    return keys;
  };
  for (const entry of state.history) {
    const node = nodes.get(entry.nodeId);
    // A callback number refused at a transfer end (the chatbot's): the number is what was refused.
    if (entry.answer === 'refused' && acceptsCallbackConsent(node, entry)) withheld.add('phone');
    if (node?.type !== 'consent' || entry.answer !== 'refused') continue;
    // What the script still asks after a refusal is the guide's to decide, and stays.
    const askedAnyway = collectedFrom(node.refused);
    for (const key of collectedFrom(node.agreed)) if (!askedAnyway.has(key)) withheld.add(key);
  }
  return withheld;
}
