import { isHandoffCallbackStep } from '../flow/handoffCallbackStep.ts';
import { labelFlowEntry } from '../flow/labelFlowEntry.ts';
import type { GuideScript } from '../guide/guideSchema.ts';

/** One step of a consultation's path through its script. */
export type PathStep = { nodeId: string; answer: string };

const ANSWER_LABELS: Readonly<Record<string, string>> = {
  yes: '예',
  no: '아니요',
  next: '다음',
  open: '영업시간',
  closed: '영업시간 외',
  agreed: '동의',
  refused: '거부',
};

/** What identifies one script path of the handle-time breakdown. */
export type HandleTimePathIdentity = {
  guideId: string;
  scriptId: string | null;
  inquiryType: number | null;
  path: readonly PathStep[];
};

/**
 * A stable text key of a script path ('guide/script/type/node=answer,…'), what clients send back as
 * `segment` to list the consultations that took it. Guide, script and node ids never hold '/', ',' or
 * '=' (the guide schema's id pattern), so the key reads back unambiguously.
 */
export function handleTimePathKey(identity: HandleTimePathIdentity): string {
  const steps = identity.path.map((step) => `${step.nodeId}=${step.answer}`).join(',');
  return `${identity.guideId}/${identity.scriptId ?? '-'}/${identity.inquiryType ?? '-'}/${steps}`;
}

/** Reads a key made by `handleTimePathKey`; null when it is not one. */
export function parseHandleTimePathKey(key: string): HandleTimePathIdentity | null {
  const parts = key.split('/');
  if (parts.length !== 4) return null;
  const [guideId = '', scriptId = '', type = '', steps = ''] = parts;
  if (guideId === '' || scriptId === '' || type === '') return null;
  const inquiryType = type === '-' ? null : Number(type);
  if (inquiryType !== null && !Number.isInteger(inquiryType)) return null;
  const path: PathStep[] = [];
  for (const step of steps === '' ? [] : steps.split(',')) {
    const [nodeId = '', answer = '', ...rest] = step.split('=');
    if (nodeId === '' || answer === '' || rest.length > 0) return null;
    path.push({ nodeId, answer });
  }
  return { guideId, scriptId: scriptId === '-' ? null : scriptId, inquiryType, path };
}

/**
 * The path as people read it. With its script, in the words the console shows ('등록 담당자
 * 아님(N) → 문의 내용 청취 → 등록 연락처로 연락 동의(Y)'); without (a script no loaded guide has),
 * by node id and answer ('q1-registered 아니요 → q1-hours 영업시간 외').
 */
export function handleTimePathLabel(path: readonly PathStep[], script?: GuideScript): string {
  if (path.length === 0) return '(경로 없음)';
  return path
    .map((step) => {
      const node = script?.nodes.find((candidate) => candidate.id === step.nodeId);
      // The chatbot's hand-off step is no node of the script, and reads the same with or without it.
      return node || isHandoffCallbackStep(step)
        ? labelFlowEntry(node, step)
        : `${step.nodeId} ${ANSWER_LABELS[step.answer] ?? step.answer}`;
    })
    .join(' → ');
}
