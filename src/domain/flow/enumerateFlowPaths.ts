import type { EndOutcome, Guide } from '../guide/guideSchema.ts';
import { listNodeEdges } from '../guide/listNodeEdges.ts';
import type { FlowEntry, FlowState } from './flowTypes.ts';

/** One complete path through a script, from its start to an end node. */
export type FlowPath = { history: FlowEntry[]; endNodeId: string; outcome: EndOutcome; state: FlowState };

/**
 * Lists every complete path of a script, business-hours branches included, in edge order (Y
 * before N, open before closed). Tests and e2e specs use it to cover every path. Unknown scripts
 * give no paths; a cycle in an unvalidated guide is cut rather than followed forever.
 */
export function enumerateFlowPaths(guide: Guide, scriptId: string): FlowPath[] {
  const script = guide.scripts.find((candidate) => candidate.id === scriptId);
  if (!script) return [];
  const paths: FlowPath[] = [];
  const walk = (nodeId: string, history: FlowEntry[], onPath: ReadonlySet<string>): void => {
    const node = script.nodes.find((candidate) => candidate.id === nodeId);
    if (!node || onPath.has(nodeId)) return;
    if (node.type === 'end') {
      paths.push({
        history,
        endNodeId: nodeId,
        outcome: node.outcome,
        state: { guideId: guide.id, guideVersion: guide.version, scriptId, history, currentNodeId: nodeId },
      });
      return;
    }
    const nextOnPath = new Set(onPath).add(nodeId);
    for (const edge of listNodeEdges(node))
      walk(edge.target, [...history, { nodeId, answer: edge.answer }], nextOnPath);
  };
  walk(script.start, [], new Set());
  return paths;
}
