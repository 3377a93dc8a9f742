import type { SubjectCall } from '../../../contract/privacy/subjectCallSchema.ts';
import { maskPhone } from '../../../domain/privacy/maskPhone.ts';
import type { CallRow } from '../../repositories/callRepository.ts';

/**
 * Shapes a CTI call for a data-subject find (`reveal` false: numbers masked, as 부재중 전화 shows
 * them) or export (`reveal` true: in clear, as held).
 */
export function presentSubjectCall(call: CallRow, options: { reveal: boolean }): SubjectCall {
  const number = (value: string | null) =>
    value === null ? null : options.reveal ? value : maskPhone(value);
  return {
    id: call.id,
    direction: call.direction,
    state: call.state,
    missed: call.direction === 'in' && call.state === 'missed',
    customerNumber: number(call.customerNumber),
    fromNumber: number(call.fromNumber),
    toNumber: number(call.toNumber),
    queue: call.queue,
    cause: call.cause,
    startedAt: call.startedAt.toISOString(),
    answeredAt: call.answeredAt?.toISOString() ?? null,
    endedAt: call.endedAt?.toISOString() ?? null,
    consultationId: call.consultationId,
    callbackStatus: call.callbackStatus,
    callbackDueAt: call.callbackDueAt?.toISOString() ?? null,
    callbackDoneAt: call.callbackDoneAt?.toISOString() ?? null,
    retentionEndsAt: call.retentionEndsAt.toISOString(),
    personalDataErasedAt: call.personalDataErasedAt?.toISOString() ?? null,
  };
}
