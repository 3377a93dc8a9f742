import type { Guide } from '../guide/guideSchema.ts';
import { acceptsCallbackConsent } from './acceptsCallbackConsent.ts';
import { findFlowNode } from './findFlowNode.ts';
import type { FlowResult, FlowState } from './flowTypes.ts';

/**
 * Adds to a flow resting on a transfer end the decision on the consent to take a callback number
 * (the chatbot's, which must collect one): the last step of the path, so the record, its consent
 * record and the reports show it. The flow stays at the end. Anywhere else, or a second time, is a
 * failure value.
 */
export function recordCallbackConsent(
  guide: Guide,
  state: FlowState,
  decision: 'agreed' | 'refused',
): FlowResult {
  const found = findFlowNode(guide, state.scriptId, state.currentNodeId);
  const entry = { nodeId: state.currentNodeId, answer: decision };
  const last = state.history.at(-1);
  if (!found || !acceptsCallbackConsent(found.node, entry)) {
    return {
      ok: false,
      reason: 'invalid-input',
      message: `"${state.currentNodeId}"은(는) 연락처 수집 동의를 받는 이관 종료 단계가 아닙니다`,
    };
  }
  if (last && acceptsCallbackConsent(found.node, last)) {
    return { ok: false, reason: 'flow-ended', message: '연락처 수집 동의는 이미 기록되었습니다' };
  }
  return { ok: true, state: { ...state, history: [...state.history, entry] } };
}
