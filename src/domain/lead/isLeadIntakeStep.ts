import type { FlowState } from '../flow/flowTypes.ts';
import type { Guide } from '../guide/guideSchema.ts';

/**
 * Whether the flow rests on the sign-up intake: a collect node that takes an e-mail address (Q4's
 * 업체명/담당자/연락처/이메일주소, where the brochure will be sent).
 */
export function isLeadIntakeStep(guide: Guide, flow: FlowState): boolean {
  const script = guide.scripts.find((candidate) => candidate.id === flow.scriptId);
  const node = script?.nodes.find((candidate) => candidate.id === flow.currentNodeId);
  return node?.type === 'collect' && node.fields.some((field) => field.key === 'email');
}
