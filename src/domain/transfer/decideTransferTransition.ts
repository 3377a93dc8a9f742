import type { TransferStatus } from './transferStatuses.ts';
import { transferStatusLabels } from './transferStatuses.ts';

/**
 * Legal moves of the workflow. `in-progress → received` hands a transfer back to the queue;
 * `contacted → in-progress` reopens one whose callback turned out to need more work;
 * `unreachable` can be retried (`in-progress`), resolved (`contacted`) or given up (`closed`).
 * A closed transfer is final: a new request from the same customer is a new transfer.
 */
const allowed: Readonly<Record<TransferStatus, readonly TransferStatus[]>> = {
  received: ['in-progress'],
  'in-progress': ['contacted', 'unreachable', 'received'],
  contacted: ['closed', 'in-progress'],
  unreachable: ['in-progress', 'contacted', 'closed'],
  closed: [],
};

/** What the caller wants to do. `retryAt` is required when (and only when) moving to 연락불가. */
export type TransferTransitionRequest = {
  from: TransferStatus;
  to: TransferStatus;
  retryAt?: Date | undefined;
  /** The current instant; a retry time must lie after it. */
  now: Date;
  /**
   * Why the move is made, when not by a handler's click: `lead-outcome` is a sign-up lead's
   * callback outcome moving the transfer filed with it (transferStatusAfterLeadOutcome): the
   * customer reached marks it 연락완료, a final outcome (가입, 관심 없음, 잘못된 번호) closes it.
   * `personal-data-erased`: the customer's contact points were erased (retention end or a
   * data-subject request); nobody can call them back, so the transfer closes from any open state.
   */
  cause?: 'lead-outcome' | 'personal-data-erased' | undefined;
  /**
   * The transfer carries a sign-up lead that is not finished (not 가입 or 종료). Its 종결 is the
   * lead's final outcome's to make (cause `lead-outcome`): closed on its own, the lead stayed open
   * with its callback due while the transfer, being final, could no longer be reassigned.
   */
  leadOpen?: boolean | undefined;
};

/** Why a transition was refused, as a value (expected outcome, not a fault). */
export type TransferTransitionRefusal = {
  ok: false;
  reason:
    | 'same-status'
    | 'not-allowed'
    | 'lead-open'
    | 'retry-required'
    | 'retry-in-past'
    | 'retry-not-expected';
  /** Korean message for the screen that asked. */
  message: string;
  /** Where in the request the problem is, for problem+json details. */
  where: 'to' | 'retryAt';
};

/** The outcome of a transition request: the fields to store, or why not. */
export type TransferTransitionDecision =
  | { ok: true; status: TransferStatus; retryAt: Date | null }
  | TransferTransitionRefusal;

/**
 * The statuses a handler may move a transfer to from `from`, for workflow buttons: without 종결
 * while the transfer's sign-up lead is open (`leadOpen`), which its outcome closes instead.
 */
export function nextTransferStatuses(
  from: TransferStatus,
  options: { leadOpen?: boolean | undefined } = {},
): readonly TransferStatus[] {
  return options.leadOpen ? allowed[from].filter((status) => status !== 'closed') : allowed[from];
}

/**
 * Whether a move skips the usual steps because of its cause: a lead's callback is the team's work
 * on the request its transfer carried, whatever step the transfer was at. The customer reached is
 * 연락완료 from any open state; a final outcome (signed up, declined, wrong number) closes from any
 * open state — otherwise the transfer stayed 접수 and went overdue for work already done. Erased
 * personal data closes from any open state: the work cannot be done, and must not stay overdue.
 */
function causeAllows(request: TransferTransitionRequest): boolean {
  if (request.from === 'closed') return false;
  if (request.cause === 'personal-data-erased') return request.to === 'closed';
  if (request.cause !== 'lead-outcome') return false;
  return request.to === 'closed' || request.to === 'contacted';
}

/**
 * Decides whether a transfer may move from one state to another. The retry time is kept only
 * while the transfer is 연락불가 and cleared on any other move, so a stale retry time never
 * drives the SLA of a transfer someone is already working.
 */
export function decideTransferTransition(request: TransferTransitionRequest): TransferTransitionDecision {
  const { from, to, retryAt, now } = request;
  const label = (status: TransferStatus) => `${transferStatusLabels[status]}(${status})`;
  if (from === to) {
    return { ok: false, reason: 'same-status', where: 'to', message: `이미 ${label(to)} 상태입니다.` };
  }
  const byLeadOutcome = causeAllows(request);
  if (!allowed[from].includes(to) && !byLeadOutcome) {
    const options = nextTransferStatuses(from, request).map(label).join(', ') || '없음';
    return {
      ok: false,
      reason: 'not-allowed',
      where: 'to',
      message: `${label(from)}에서 ${label(to)}(으)로 바꿀 수 없습니다. 가능한 상태: ${options}`,
    };
  }
  if (to === 'closed' && request.leadOpen && !byLeadOutcome) {
    return {
      ok: false,
      reason: 'lead-open',
      where: 'to',
      message: '가입 리드의 이관은 리드의 콜백 결과(가입, 관심 없음, 잘못된 번호)를 기록하면 종결됩니다.',
    };
  }
  if (to === 'unreachable') {
    if (retryAt === undefined) {
      return {
        ok: false,
        reason: 'retry-required',
        where: 'retryAt',
        message: '연락불가로 바꾸려면 재시도 시각(retryAt)을 입력하세요.',
      };
    }
    if (retryAt.getTime() <= now.getTime()) {
      return {
        ok: false,
        reason: 'retry-in-past',
        where: 'retryAt',
        message: '재시도 시각은 지금보다 뒤여야 합니다.',
      };
    }
    return { ok: true, status: to, retryAt };
  }
  if (retryAt !== undefined) {
    return {
      ok: false,
      reason: 'retry-not-expected',
      where: 'retryAt',
      message: '재시도 시각은 연락불가로 바꿀 때만 입력합니다.',
    };
  }
  return { ok: true, status: to, retryAt: null };
}
