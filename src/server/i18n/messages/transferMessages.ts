import type { MessageArea } from '../messageArea.ts';

/** Messages about transfers (이관), their settings and their workflow. */
export const transferMessages = {
  'transfers.notFound': { ko: '이관을 찾을 수 없습니다: {id}', en: 'Transfer not found: {id}' },
  'transfers.alreadyTransferred': {
    ko: '이 상담은 이미 {number}(으)로 이관되었습니다.',
    en: 'This consultation was already transferred as {number}.',
  },
  'transfers.alreadyTransferredDetail': { ko: '이미 이관됨: {id}', en: 'already transferred: {id}' },
  'transfers.unknownInquiryType': {
    ko: '알 수 없는 이관 유형입니다: {inquiryType}',
    en: 'Unknown inquiry type: {inquiryType}',
  },
  'transfers.unknownInquiryTypeDetail': { ko: '알 수 없는 이관 유형', en: 'unknown inquiry type' },
  'transfers.closedCannotReassign': {
    ko: '종결된 이관의 담당자는 바꿀 수 없습니다.',
    en: 'A closed transfer cannot be reassigned.',
  },
  'transfers.closedDetail': { ko: '종결된 이관', en: 'transfer is closed' },
  // The key names the business team, but admins covering for it are assignees too (ASSIGNABLE_ROLES).
  'transfers.assigneeNotBusinessTeam': {
    ko: '활성 상태의 비즈니스팀(백오피스) 또는 관리자만 담당자로 지정할 수 있습니다.',
    en: 'Only active business-team (back-office) or admin accounts can be assignees.',
  },
  'transfers.assigneeNotBusinessTeamDetail': {
    ko: '활성 비즈니스팀 또는 관리자 계정이 아님',
    en: 'not an active business-team or admin account',
  },
  'transfers.personalDataErased': {
    ko: '보관 기간이 끝나 개인정보가 파기된 이관입니다.',
    en: 'The personal data of this transfer was destroyed at the end of its retention period.',
  },
  'transfers.personalDataErasedBySubjectRequest': {
    ko: '정보주체의 요청으로 개인정보가 삭제된 이관입니다.',
    en: "The personal data of this transfer was deleted at the data subject's request.",
  },
  // An erasure older than its reason was kept, with no destruction-log entry left to tell.
  'transfers.personalDataErasedUnknownCause': {
    ko: '개인정보가 삭제된 이관입니다.',
    en: 'The personal data of this transfer was deleted.',
  },
  // The status in words (처리중, not in-progress): the person reads it on a screen that showed another.
  'transfers.statusChangedMeanwhile': {
    ko: '다른 사람이 먼저 상태를 바꿨습니다 (현재: {status:transfers.statusNames}). 새로 고쳐 확인하세요.',
    en: 'Someone else changed the status first (now: {status:transfers.statusNames}). Reload to check.',
  },
  'transfers.currentStatus': {
    ko: '현재 상태: {status:transfers.statusNames}',
    en: 'current status is {status:transfers.statusNames}',
  },
  // Taking a transfer checks it is still held as the screen showed it (expectedAssigneeId).
  'transfers.assigneeChangedMeanwhile': {
    ko: '다른 사람이 먼저 담당자를 바꿨습니다 (현재 담당: {assignee}). 새로 고쳐 확인하세요.',
    en: 'Someone else changed the assignee first (now held by {assignee}). Reload to check.',
  },
  'transfers.currentAssignee': { ko: '현재 담당: {assignee}', en: 'currently held by {assignee}' },
  'transfers.unassignedMeanwhile': {
    ko: '다른 사람이 먼저 담당자를 바꿨습니다 (현재: 미배정). 새로 고쳐 확인하세요.',
    en: 'Someone else changed the assignee first (now unassigned). Reload to check.',
  },
  'transfers.currentlyUnassigned': { ko: '현재: 미배정', en: 'currently unassigned' },
  // Status names for list placeholders ({from:transfers.statusNames}): the same words as
  // transferHistory.status*, keyed by the status code so a refusal can carry the codes as params.
  'transfers.statusNames.received': { ko: '접수', en: 'Received' },
  'transfers.statusNames.inProgress': { ko: '처리중', en: 'In progress' },
  'transfers.statusNames.contacted': { ko: '연락완료', en: 'Contacted' },
  'transfers.statusNames.unreachable': { ko: '연락불가', en: 'Unreachable' },
  'transfers.statusNames.closed': { ko: '종결', en: 'Closed' },
  'transfers.moveNotAllowed': {
    ko: '{from:transfers.statusNames}에서 {to:transfers.statusNames} 상태로 바꿀 수 없습니다. 가능한 상태: {allowed:transfers.statusNames}',
    en: 'A transfer cannot go from {from:transfers.statusNames} to {to:transfers.statusNames}. Possible next statuses: {allowed:transfers.statusNames}',
  },
  'transfers.moveFromFinal': {
    ko: '{from:transfers.statusNames}은(는) 마지막 상태라 {to:transfers.statusNames} 상태로 바꿀 수 없습니다.',
    en: '{from:transfers.statusNames} is final: a transfer cannot go on to {to:transfers.statusNames}.',
  },
  // A lead's transfer closed on its own left the lead open and no longer reassignable (QA M3).
  'transfers.closedByLeadOutcome': {
    ko: '가입 리드의 이관은 리드 결과(가입, 관심 없음, 잘못된 번호)를 기록하면 종결됩니다. 가입 리드에서 콜백 결과를 기록하세요.',
    en: "A sign-up lead's transfer is closed by recording the lead's outcome (Signed up, Not interested, Wrong number). Record the callback outcome on the sign-up lead.",
  },
  'transfers.alreadyInStatus': {
    ko: '이미 {status:transfers.statusNames} 상태입니다.',
    en: 'The transfer is already {status:transfers.statusNames}.',
  },
  'transfers.retryRequired': {
    ko: '연락불가로 바꾸려면 재시도 시각(retryAt)을 입력하세요.',
    en: 'Enter a retry time (retryAt) to mark the transfer unreachable.',
  },
  'transfers.retryInPast': {
    ko: '재시도 시각은 지금보다 뒤여야 합니다.',
    en: 'The retry time must be later than now.',
  },
  'transfers.retryNotExpected': {
    ko: '재시도 시각은 연락불가로 바꿀 때만 입력합니다.',
    en: 'A retry time is given only when marking a transfer unreachable.',
  },
  'transfers.fieldInvalid': { ko: '{field}의 값이 올바르지 않습니다', en: '{field} is invalid' },
  'transfers.settingsInvalid': {
    ko: '이관 설정을 저장할 수 없습니다 (문제 {count}건)',
    en: 'The transfer settings cannot be saved ({count#problem|problems})',
  },
  'transfers.slaTimeOutsideHours': {
    ko: '다음 영업일 기한은 영업시간({opens}~{closes}) 안의 시각이어야 합니다: {time}',
    en: 'The time on the next business day must be within business hours ({opens}–{closes}): {time}',
  },
  'transfers.inquiryTypeRequired': { ko: '이관 유형을 고르세요', en: 'Choose an inquiry type' },
  'transfers.inquiryTypeUnknown': {
    ko: '이관 유형은 {guide} 가이드의 {types} 중 하나입니다',
    en: 'The inquiry type must be one of {types} (the {guide} guide)',
  },
  'transfers.signUpTypesOnly': {
    ko: '가입 리드는 {guide} 가이드의 가입 상담 유형({types})으로만 접수합니다',
    en: 'A sign-up lead can only be filed under a sign-up inquiry type ({types}) of the {guide} guide',
  },
  'transfers.noSignUpTypes': {
    ko: '{guide} 가이드에는 가입 리드를 받는 유형이 없습니다',
    en: 'The {guide} guide has no inquiry type that takes sign-up leads',
  },
  'transfers.inquiryRequired': { ko: '문의 내용을 입력하세요', en: 'Enter the inquiry' },
  'transfers.companyRequiredForRegisteredContact': {
    ko: '기업명을 입력하세요: 담당 부서가 그 기업의 등록 연락처로 연락합니다',
    en: "Enter the company: the business team calls its account's registered contact",
  },
  'transfers.contactRequired': {
    ko: '연락처(또는 이메일)를 입력하세요: 담당 부서가 연락할 곳이 필요합니다',
    en: 'Enter a phone number (or e-mail): the team in charge needs a way to reach the customer',
  },
} as const satisfies MessageArea;
