import type { MessageArea } from '../messageArea.ts';

/**
 * A transfer's history lines and status names as people read them. History rows are stored as data
 * (action and detail); these words are chosen when a caller reads them, in the caller's language.
 */
export const transferHistoryMessages = {
  'transferHistory.filedAssigned': {
    ko: '이관 접수 · 담당자 {assignee} (순번 배정)',
    en: 'Transfer filed · assigned to {assignee} (rotation)',
  },
  'transferHistory.filedToOpenLeadHolder': {
    ko: '이관 접수 · 담당자 {assignee} (같은 고객의 진행 중인 가입 리드 담당자)',
    en: 'Transfer filed · assigned to {assignee} (holder of the customer’s open sign-up lead)',
  },
  'transferHistory.filedUnassigned': {
    ko: '이관 접수 · 근무 중인 담당자가 없어 미배정',
    en: 'Transfer filed · unassigned: no one on duty',
  },
  'transferHistory.statusChanged': { ko: '{from} → {to}', en: '{from} → {to}' },
  'transferHistory.retryAt': { ko: '재시도 {at}', en: 'retry {at}' },
  'transferHistory.contactedByLeadOutcome': {
    ko: '가입 리드의 콜백 결과({outcome})로 연락완료',
    en: "marked contacted by the sign-up lead's callback outcome ({outcome})",
  },
  'transferHistory.closedByLeadOutcome': {
    ko: '가입 리드의 콜백 결과({outcome})로 종결',
    en: "closed by the sign-up lead's callback outcome ({outcome})",
  },
  'transferHistory.taken': { ko: '{name} 님이 가져감', en: 'Taken by {name}' },
  'transferHistory.reassigned': { ko: '담당자 {from} → {to}', en: 'Assignee {from} → {to}' },
  'transferHistory.unassigned': { ko: '담당자 {from} 배정 해제', en: 'Assignee {from} unassigned' },
  'transferHistory.assigneeDisabledReassigned': {
    ko: '담당자 {from} 사용 중지 → {to} (순번 배정)',
    en: 'Assignee {from} disabled → {to} (rotation)',
  },
  'transferHistory.assigneeDisabledUnassigned': {
    ko: '담당자 {from} 사용 중지 → 미배정',
    en: 'Assignee {from} disabled → unassigned',
  },
  'transferHistory.commented': { ko: '댓글', en: 'Comment' },
  'transferHistory.dueChanged': { ko: '기한 변경: {from} → {to}', en: 'Due time changed: {from} → {to}' },
  'transferHistory.retryChanged': {
    ko: '재시도 시각 변경: {from} → {to}',
    en: 'Retry time changed: {from} → {to}',
  },
  'transferHistory.closureAdded': { ko: '{name} 추가', en: 'closure {name} added' },
  'transferHistory.closureRemoved': { ko: '{name} 취소', en: 'closure {name} removed' },
  'transferHistory.erasedBySubjectRequest': {
    ko: '개인정보 삭제 (정보주체 요청)',
    en: 'Personal data deleted (data-subject request)',
  },
  'transferHistory.erasedAtRetentionEnd': {
    ko: '개인정보 파기 (보관 기간 종료)',
    en: 'Personal data destroyed (retention period ended)',
  },
  'transferHistory.erased': { ko: '개인정보 삭제', en: 'Personal data deleted' },
  'transferHistory.deletedUser': { ko: '(삭제된 사용자)', en: '(deleted user)' },
  'transferHistory.nobody': { ko: '없음', en: 'none' },
  'transferHistory.statusReceived': { ko: '접수', en: 'Received' },
  'transferHistory.statusInProgress': { ko: '처리중', en: 'In progress' },
  'transferHistory.statusContacted': { ko: '연락완료', en: 'Contacted' },
  'transferHistory.statusUnreachable': { ko: '연락불가', en: 'Unreachable' },
  'transferHistory.statusClosed': { ko: '종결', en: 'Closed' },
} as const satisfies MessageArea;
