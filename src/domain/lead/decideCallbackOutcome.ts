import type { CalendarFacts } from '../calendar/CalendarFacts.ts';
import { callbackDueAt } from '../calendar/callbackDueAt.ts';
import { decideBusinessHours } from '../calendar/decideBusinessHours.ts';
import { type CallbackOutcome, isClosedLeadStatus, type LeadStatus } from './leadStatuses.ts';

/** A callback outcome to record on a lead. */
export type CallbackOutcomeRequest = {
  status: LeadStatus;
  outcome: CallbackOutcome;
  /** For 부재중 (no-answer): when to call again; default: `retryDelayMinutes` of business time from now. */
  retryAt?: Date | undefined;
  now: Date;
  retryDelayMinutes: number;
  facts: CalendarFacts;
};

/** What to store: the lead's next status and the next callback's due time (null: none pending). */
export type CallbackOutcomeDecision =
  | { ok: true; status: LeadStatus; callbackDueAt: Date | null }
  | {
      ok: false;
      reason: 'lead-closed' | 'retry-in-past' | 'retry-not-expected';
      where: 'outcome' | 'retryAt';
      message: string;
    };

const nextStatus: Readonly<Record<CallbackOutcome, LeadStatus | null>> = {
  reached: 'called',
  'no-answer': null,
  'wrong-number': 'lost',
  'signed-up': 'won',
  'not-interested': 'lost',
};

/**
 * Applies a callback outcome: 통화 완료 → called; 가입 → won; 관심 없음 or 잘못된 번호 → lost; 부재중
 * keeps the status and schedules the next attempt — at the time the handler chose, or by default
 * `retryDelayMinutes` of business time later — and always inside business hours, because the team
 * can only call then. A finished lead takes no more outcomes.
 */
export function decideCallbackOutcome(request: CallbackOutcomeRequest): CallbackOutcomeDecision {
  const { status, outcome, retryAt, now, facts } = request;
  if (isClosedLeadStatus(status)) {
    return {
      ok: false,
      reason: 'lead-closed',
      where: 'outcome',
      message: '이미 종료된 리드입니다 (가입 또는 종료).',
    };
  }
  if (outcome !== 'no-answer') {
    if (retryAt !== undefined) {
      return {
        ok: false,
        reason: 'retry-not-expected',
        where: 'retryAt',
        message: '재통화 시각은 부재중일 때만 정합니다.',
      };
    }
    return { ok: true, status: nextStatus[outcome] ?? status, callbackDueAt: null };
  }
  if (retryAt !== undefined) {
    if (retryAt.getTime() <= now.getTime()) {
      return {
        ok: false,
        reason: 'retry-in-past',
        where: 'retryAt',
        message: '재통화 시각은 지금 이후여야 합니다.',
      };
    }
    return { ok: true, status, callbackDueAt: decideBusinessHours(retryAt, facts).nextOpenAt };
  }
  return { ok: true, status, callbackDueAt: callbackDueAt(now, request.retryDelayMinutes, facts) };
}
