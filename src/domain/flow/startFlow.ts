import type { Guide } from '../guide/guideSchema.ts';
import type { FlowResult } from './flowTypes.ts';

/**
 * Starts a script at its first node. Returns a failure value for an unknown script id, since the
 * id comes from a request or a keystroke.
 */
export function startFlow(guide: Guide, scriptId: string): FlowResult {
  const script = guide.scripts.find((candidate) => candidate.id === scriptId);
  if (!script) {
    return { ok: false, reason: 'unknown-script', message: `존재하지 않는 스크립트 "${scriptId}"` };
  }
  const start = script.nodes.find((node) => node.id === script.start);
  // The validator forbids both; a guide that skipped validation must not produce a stuck state.
  if (!start || start.type === 'businessHours') {
    return {
      ok: false,
      reason: 'unknown-node',
      message: `스크립트 "${scriptId}"의 시작 노드 "${script.start}"를 쓸 수 없습니다`,
    };
  }
  return {
    ok: true,
    state: {
      guideId: guide.id,
      guideVersion: guide.version,
      scriptId,
      history: [],
      currentNodeId: script.start,
    },
  };
}
