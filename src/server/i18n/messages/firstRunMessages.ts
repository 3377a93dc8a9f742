import type { MessageArea } from '../messageArea.ts';

/**
 * Messages of the first-run checklist and of transfer assignees set in bulk or per type (the
 * refusals of both settings endpoints).
 */
export const firstRunMessages = {
  'firstRun.stepChangeEmpty': {
    ko: 'skipped 또는 reviewed 중 하나가 필요합니다',
    en: 'Give skipped or reviewed',
  },
  'firstRun.notReviewable': {
    ko: '"{step}" 단계는 데이터로 확인됩니다. 검토 완료로 표시할 수 있는 단계는 휴무일뿐입니다.',
    en: 'The "{step}" step is checked from the data; only the closures step can be marked as reviewed.',
  },
  'firstRun.notReviewableDetail': {
    ko: '검토 완료는 휴무일 단계에만 쓸 수 있습니다',
    en: 'only the closures step can be marked as reviewed',
  },
  'firstRun.smtpNotConfigured': {
    ko: 'SMTP_URL이 설정되지 않아 테스트 메일을 보낼 수 없습니다. 서버 환경 변수에 SMTP_URL을 넣고 다시 시작하세요.',
    en: 'SMTP_URL is not set, so no test mail can be sent. Set SMTP_URL in the server environment and restart.',
  },
  'firstRun.smtpNotConfiguredDetail': { ko: 'SMTP_URL 없음', en: 'SMTP_URL is not set' },
  'firstRun.testMailSubject': { ko: '[ieum] SMTP 테스트 메일', en: '[ieum] SMTP test mail' },
  'firstRun.testMailBody': {
    ko: '{name} 님이 처음 설정 점검에서 보낸 테스트 메일입니다. 이 메일이 보이면 가입 소개서 메일도 같은 경로로 발송됩니다.',
    en: '{name} sent this test mail from the first-run checklist. If you can read it, sign-up brochures go out the same way.',
  },
  'firstRun.unknownGuide': { ko: '존재하지 않는 가이드 "{guideId}"', en: 'No guide "{guideId}"' },
  'firstRun.unknownInquiryType': {
    ko: '{inquiryType}번은 {guide} 가이드의 유형이 아닙니다 ({numbers} 중 하나)',
    en: 'Type {inquiryType} is not a type of the guide {guide} (one of {numbers})',
  },
  'firstRun.duplicateType': { ko: '같은 유형이 두 번 있습니다', en: 'The same type is listed twice' },
  'firstRun.duplicateAssignee': { ko: '같은 사람이 두 번 있습니다', en: 'The same person is listed twice' },
  'firstRun.assigneeNotEligible': {
    ko: '활성 상태의 비즈니스팀(백오피스) 또는 관리자만 담당자가 될 수 있습니다',
    en: 'Only active business-team (back-office) or admin accounts can be assignees',
  },
  'firstRun.assignmentInvalid': {
    ko: '담당자를 지정할 수 없습니다 (문제 {count}건)',
    en: 'The assignees cannot be set ({count#problem|problems})',
  },
} as const satisfies MessageArea;
