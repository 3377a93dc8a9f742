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
  'transfers.assigneeNotBusinessTeam': {
    ko: '비즈니스팀(백오피스) 사용자만 담당자로 지정할 수 있습니다.',
    en: 'Only business-team (back-office) users can be assignees.',
  },
  'transfers.assigneeNotBusinessTeamDetail': {
    ko: '활성 비즈니스팀 사용자가 아님',
    en: 'not an active business-team member',
  },
  'transfers.personalDataErased': {
    ko: '보관 기간이 끝나 개인정보가 파기된 이관입니다.',
    en: 'The personal data of this transfer was destroyed at the end of its retention period.',
  },
  'transfers.statusChangedMeanwhile': {
    ko: '다른 사람이 먼저 상태를 바꿨습니다 (현재: {status}). 새로 고쳐 확인하세요.',
    en: 'Someone else changed the status first (now: {status}). Reload to check.',
  },
  'transfers.currentStatus': { ko: '현재 상태: {status}', en: 'current status is {status}' },
  'transfers.moveRefused': {
    ko: '이관 상태를 이렇게 바꿀 수 없습니다 ({reason})',
    en: 'The transfer status cannot be changed this way ({reason})',
  },
  'transfers.fieldInvalid': { ko: '{field}의 값이 올바르지 않습니다', en: '{field} is invalid' },
  'transfers.settingsInvalid': {
    ko: '이관 설정이 올바르지 않습니다',
    en: 'The transfer settings are invalid',
  },
  'transfers.webhookUrlRefused': {
    ko: '이 주소로는 웹훅을 보낼 수 없습니다',
    en: 'Webhooks cannot be sent to this address',
  },
  'transfers.inquiryTypeRequired': { ko: '이관 유형을 고르세요', en: 'Choose an inquiry type' },
  'transfers.inquiryRequired': { ko: '문의 내용을 입력하세요', en: 'Enter the inquiry' },
  'transfers.contactRequired': {
    ko: '연락처(또는 이메일)를 입력하세요: 담당 부서가 연락할 곳이 필요합니다',
    en: 'Enter a phone number (or e-mail): the team in charge needs a way to reach the customer',
  },
} as const satisfies MessageArea;
