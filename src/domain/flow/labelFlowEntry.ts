import type { GuideNode } from '../guide/guideSchema.ts';
import { acceptsCallbackConsent } from './acceptsCallbackConsent.ts';
import type { FlowEntry } from './flowTypes.ts';
import { isHandoffCallbackStep } from './handoffCallbackStep.ts';

/**
 * One step of a path as people read it: the answer's label for a question ("등록 담당자 아님(N)"),
 * the decision for consent and business hours (and for the callback number's consent at a transfer
 * end: "연락처 수집 거부(N)", and at the chatbot's out-of-hours hand-off: "상담직원 연결 · 연락처
 * 수집 거부(N)"), the step's label otherwise; the node id when the script no longer has the node
 * (a path stored on an earlier guide version).
 */
export function labelFlowEntry(
  node: GuideNode | undefined,
  entry: Pick<FlowEntry, 'nodeId'> & { answer: string },
): string {
  if (isHandoffCallbackStep(entry))
    return entry.answer === 'agreed'
      ? '상담직원 연결 · 연락처 수집 동의(Y)'
      : '상담직원 연결 · 연락처 수집 거부(N)';
  if (!node) return entry.nodeId;
  if (acceptsCallbackConsent(node, entry))
    return entry.answer === 'agreed' ? '연락처 수집 동의(Y)' : '연락처 수집 거부(N)';
  switch (node.type) {
    case 'ask':
      return entry.answer === 'yes' ? `${node.answerLabels.yes}(Y)` : `${node.answerLabels.no}(N)`;
    case 'consent':
      return entry.answer === 'agreed' ? '개인정보 수집 동의(Y)' : '개인정보 수집 거부(N)';
    case 'businessHours':
      return entry.answer === 'open' ? '업무시간' : '업무시간 외';
    default:
      return node.label;
  }
}
