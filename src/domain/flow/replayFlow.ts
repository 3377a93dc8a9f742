import type { Guide } from '../guide/guideSchema.ts';
import { listNodeEdges } from '../guide/listNodeEdges.ts';
import { acceptsCallbackConsent } from './acceptsCallbackConsent.ts';
import type { FlowEntry, FlowFailureReason, FlowState } from './flowTypes.ts';
import { startFlow } from './startFlow.ts';

/** A replayed flow's final state, or where and why the history is not a legal path. */
export type ReplayFlowResult =
  | { ok: true; state: FlowState }
  | {
      ok: false;
      reason: FlowFailureReason;
      message: string /** index of the offending entry */;
      index: number;
      /** The node the flow stood at when it failed (absent when the script could not start). */
      nodeId?: string;
    };

/**
 * Checks that a posted history is a legal path through the script (each entry names the node the
 * flow is at and an answer that node accepts; at a transfer end, a last entry may hold the decision
 * on the callback-number consent) and returns the resulting state. The server runs
 * it before saving, so a client cannot store a path the guide does not allow. `contextAt(i)`,
 * when it returns a boolean, is the business-hours state the server expects at entry `i`.
 */
export function replayFlow(
  guide: Guide,
  scriptId: string,
  history: readonly FlowEntry[],
  contextAt?: (index: number) => boolean | undefined,
): ReplayFlowResult {
  const started = startFlow(guide, scriptId);
  if (!started.ok) return { ...started, index: 0 };
  const script = guide.scripts.find((candidate) => candidate.id === scriptId);
  let currentNodeId = started.state.currentNodeId;
  for (const [index, entry] of history.entries()) {
    const node = script?.nodes.find((candidate) => candidate.id === currentNodeId);
    if (!node)
      return {
        ok: false,
        reason: 'unknown-node',
        message: `노드 "${currentNodeId}"가 없습니다`,
        index,
        nodeId: currentNodeId,
      };
    if (entry.nodeId !== node.id) {
      return {
        ok: false,
        reason: 'wrong-node',
        message: `${index}번째 단계는 "${node.id}"여야 하는데 "${entry.nodeId}"입니다`,
        index,
        nodeId: node.id,
      };
    }
    // The callback-number consent taken at a transfer end closes the path there (recordCallbackConsent).
    if (acceptsCallbackConsent(node, entry) && index === history.length - 1) continue;
    const edge = listNodeEdges(node).find((candidate) => candidate.answer === entry.answer);
    if (!edge) {
      return {
        ok: false,
        reason: node.type === 'end' ? 'flow-ended' : 'invalid-input',
        message: `"${node.id}"에서 "${entry.answer}" 답은 쓸 수 없습니다`,
        index,
        nodeId: node.id,
      };
    }
    if (node.type === 'businessHours') {
      const expected = contextAt?.(index);
      if (expected !== undefined && expected !== (entry.answer === 'open')) {
        return {
          ok: false,
          reason: 'hours-mismatch',
          message: `"${node.id}"에서 업무시간 ${expected ? '중' : '외'}이어야 하는데 "${entry.answer}"로 기록되었습니다`,
          index,
          nodeId: node.id,
        };
      }
    }
    currentNodeId = edge.target;
  }
  // advanceFlow never rests on an automatic node, so a history that stops before one was cut short.
  const last = script?.nodes.find((candidate) => candidate.id === currentNodeId);
  if (last?.type === 'businessHours') {
    return {
      ok: false,
      reason: 'incomplete',
      message: `업무시간 분기 "${last.id}"의 결과가 기록되지 않았습니다`,
      index: history.length,
      nodeId: last.id,
    };
  }
  return { ok: true, state: { ...started.state, history: [...history], currentNodeId } };
}
