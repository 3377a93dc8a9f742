import type { Guide } from '../guide/guideSchema.ts';
import { listNodeEdges } from '../guide/listNodeEdges.ts';
import { findFlowNode } from './findFlowNode.ts';
import type { FlowContext, FlowEntry, FlowInput, FlowResult, FlowState } from './flowTypes.ts';

const inputNames: Record<FlowInput, string> = {
  yes: 'Y',
  no: 'N',
  next: '다음',
  agreed: '동의',
  refused: '거부',
};

/**
 * Moves a flow forward by one agent input, then resolves any automatic business-hours nodes from
 * `context` (recording "open"/"closed"), so the returned state always rests on a node the agent
 * acts on. The input state is never modified. Input the current node does not accept, a finished
 * flow or a state from another guide version are failure values.
 */
export function advanceFlow(
  guide: Guide,
  state: FlowState,
  input: FlowInput,
  context: FlowContext,
): FlowResult {
  if (state.guideId !== guide.id || state.guideVersion !== guide.version) {
    return {
      ok: false,
      reason: 'guide-mismatch',
      message: `이 상담은 가이드 ${state.guideId}@${state.guideVersion}로 시작했습니다 (현재 ${guide.id}@${guide.version})`,
    };
  }
  const current = findFlowNode(guide, state.scriptId, state.currentNodeId);
  if (!current) {
    return {
      ok: false,
      reason: 'unknown-node',
      message: `스크립트 "${state.scriptId}"에 노드 "${state.currentNodeId}"가 없습니다`,
    };
  }
  if (current.node.type === 'end') {
    return {
      ok: false,
      reason: 'flow-ended',
      message: `"${current.node.label}"에서 스크립트가 이미 끝났습니다`,
    };
  }
  const edges = listNodeEdges(current.node);
  const edge = edges.find((candidate) => candidate.answer === input);
  if (!edge) {
    const accepted = edges
      .map((candidate) => candidate.answer)
      .filter((answer): answer is FlowInput => answer in inputNames);
    return {
      ok: false,
      reason: 'invalid-input',
      message: `"${current.node.label}" 단계에서는 ${inputNames[input]}을(를) 쓸 수 없습니다 (가능: ${accepted.map((answer) => inputNames[answer]).join(', ') || '없음'})`,
    };
  }

  const history: FlowEntry[] = [...state.history, { nodeId: current.node.id, answer: edge.answer }];
  let nodeId = edge.target;
  // Bounded by the node count so that a cyclic, unvalidated guide cannot hang the caller.
  for (let guard = 0; guard <= current.script.nodes.length; guard += 1) {
    const next = current.script.nodes.find((node) => node.id === nodeId);
    if (!next)
      return {
        ok: false,
        reason: 'unknown-node',
        message: `스크립트 "${state.scriptId}"에 노드 "${nodeId}"가 없습니다`,
      };
    if (next.type !== 'businessHours')
      return { ok: true, state: { ...state, history, currentNodeId: nodeId } };
    const answer = context.businessHoursOpen ? 'open' : 'closed';
    history.push({ nodeId, answer });
    nodeId = next[answer];
  }
  return {
    ok: false,
    reason: 'unknown-node',
    message: `스크립트 "${state.scriptId}"의 업무시간 분기가 순환합니다`,
  };
}
