import type { Guide, GuideNode, GuideScript } from '../guide/guideSchema.ts';

/** A script and one of its nodes. */
export type FlowNodeLookup = { script: GuideScript; node: GuideNode };

/** Finds a script by id and, within it, a node by id; `undefined` when either is missing. */
export function findFlowNode(guide: Guide, scriptId: string, nodeId: string): FlowNodeLookup | undefined {
  const script = guide.scripts.find((candidate) => candidate.id === scriptId);
  const node = script?.nodes.find((candidate) => candidate.id === nodeId);
  return script && node ? { script, node } : undefined;
}
