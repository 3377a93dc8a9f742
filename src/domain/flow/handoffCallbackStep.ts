import type { FlowEntry } from './flowTypes.ts';

/**
 * The node id of a hand-off's callback step. Not a guide's (guide ids are lower-case letters,
 * digits and hyphens, so the colon keeps the two apart) and free of '/', ',' and '=', which the
 * reports' path keys use.
 */
const HANDOFF_CALLBACK_NODE_ID = 'kakao:handoff-callback';

/**
 * The last step of the path of a chat the KakaoTalk chatbot handed over out of hours (상담직원
 * 연결 with nobody at work): the decision on the callback number's consent, taken wherever the
 * script rested, which no node of the guide stands for. 'agreed': the number was taken (under that
 * consent, or one given earlier in the chat) and the callback transfer filed; 'refused': nothing
 * was filed. The record, its path label and the reports show it as they show a transfer end's
 * 연락처 수집 동의(Y) / 거부(N).
 */
export function handoffCallbackStep(decision: 'agreed' | 'refused'): FlowEntry {
  return { nodeId: HANDOFF_CALLBACK_NODE_ID, answer: decision };
}

/** Whether a path step is a hand-off's callback step (handoffCallbackStep). */
export function isHandoffCallbackStep(entry: Pick<FlowEntry, 'nodeId'>): boolean {
  return entry.nodeId === HANDOFF_CALLBACK_NODE_ID;
}
