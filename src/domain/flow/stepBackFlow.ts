import type { Guide } from '../guide/guideSchema.ts';
import type { FlowResult, FlowState } from './flowTypes.ts';

/**
 * Undoes the last agent input: drops the automatic business-hours steps taken after it and
 * returns to the interactive node where it was given. At the first node this is a failure value.
 */
export function stepBackFlow(guide: Guide, state: FlowState): FlowResult {
  if (state.guideId !== guide.id || state.guideVersion !== guide.version) {
    return {
      ok: false,
      reason: 'guide-mismatch',
      message: `이 상담은 가이드 ${state.guideId}@${state.guideVersion}로 시작했습니다`,
    };
  }
  const history = [...state.history];
  // Automatic answers are re-derived on the way forward, never stopped at.
  while (history.length > 0) {
    const last = history.at(-1);
    if (last?.answer !== 'open' && last?.answer !== 'closed') break;
    history.pop();
  }
  const undone = history.pop();
  if (!undone) return { ok: false, reason: 'at-start', message: '첫 단계입니다. 더 뒤로 갈 수 없습니다' };
  return { ok: true, state: { ...state, history, currentNodeId: undone.nodeId } };
}
