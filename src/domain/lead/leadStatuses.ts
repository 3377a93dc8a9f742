/**
 * The sign-up lead's life: 신규 (new, brochure not yet sent) → 소개서 발송 (brochure-sent, waiting for
 * the callback) → 통화 (called: the customer was reached) → 가입 (won) / 종료 (lost).
 */
export const leadStatuses = ['new', 'brochure-sent', 'called', 'won', 'lost'] as const;

/** One state of a lead. */
export type LeadStatus = (typeof leadStatuses)[number];

/** The Korean label the business team knows each state by. */
export const leadStatusLabels: Readonly<Record<LeadStatus, string>> = {
  new: '신규',
  'brochure-sent': '소개서 발송',
  called: '통화 완료',
  won: '가입',
  lost: '종료',
};

/** What happened on a callback (OB) attempt. */
export const callbackOutcomes = [
  'reached',
  'no-answer',
  'wrong-number',
  'signed-up',
  'not-interested',
] as const;

/** One callback outcome. */
export type CallbackOutcome = (typeof callbackOutcomes)[number];

/** Korean labels of the outcome buttons and the history. */
export const callbackOutcomeLabels: Readonly<Record<CallbackOutcome, string>> = {
  reached: '통화 완료',
  'no-answer': '부재중',
  'wrong-number': '잘못된 번호',
  'signed-up': '가입',
  'not-interested': '관심 없음',
};

/** Whether a lead is finished (won or lost): no more callbacks. */
export function isClosedLeadStatus(status: LeadStatus): boolean {
  return status === 'won' || status === 'lost';
}

/** Whether a value is a callback outcome (for data read from storage, such as a history entry's detail). */
export function isCallbackOutcome(value: unknown): value is CallbackOutcome {
  return (callbackOutcomes as readonly unknown[]).includes(value);
}
