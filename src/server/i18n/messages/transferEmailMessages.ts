import type { MessageArea } from '../messageArea.ts';

/**
 * The e-mails a transfer sends its assignee and the people mentioned in its comments, worded in the
 * recipient's saved language (Korean unless they chose English). The guide's own words (an inquiry
 * type's label) and what people typed stay as they are.
 */
export const transferEmailMessages = {
  'transferEmails.assignedHeader': {
    ko: '{recipient}님, 이관 {number} 건의 담당자로 지정되었습니다 ({actor}).',
    en: '{recipient}, you were made the assignee of transfer {number} ({actor}).',
  },
  'transferEmails.mentionedHeader': {
    ko: '{recipient}님, {actor}님이 이관 {number} 건의 댓글에서 회원님을 언급했습니다.',
    en: '{recipient}, {actor} mentioned you in a comment on transfer {number}.',
  },
  'transferEmails.reassignedHeader': {
    ko: '{recipient}님, 이관 {number} 건의 담당자가 {assignee}님으로 바뀌었습니다 ({actor}). 이 건은 이제 내 담당 목록에 없습니다.',
    en: '{recipient}, transfer {number} is now assigned to {assignee} ({actor}). It is no longer on your list.',
  },
  'transferEmails.unassignedHeader': {
    ko: '{recipient}님, 이관 {number} 건의 담당이 해제되었습니다 ({actor}). 이 건은 이제 내 담당 목록에 없습니다.',
    en: '{recipient}, you are no longer the assignee of transfer {number} ({actor}). It is no longer on your list.',
  },
  'transferEmails.reassignedSubject': {
    ko: '[이음] 이관 {number} 담당 변경 — {typeLabel}',
    en: '[ieum] Transfer {number} reassigned — {typeLabel}',
  },
  'transferEmails.assignedSubject': {
    ko: '[이음] 이관 {number} 담당 배정 — {typeLabel}',
    en: '[ieum] Transfer {number} assigned to you — {typeLabel}',
  },
  'transferEmails.mentionedSubject': {
    ko: '[이음] 이관 {number} 댓글에서 언급됨',
    en: '[ieum] Mentioned in a comment on transfer {number}',
  },
  'transferEmails.type': { ko: '유형: {number}. {label}', en: 'Type: {number}. {label}' },
  'transferEmails.leadMark': { ko: ' (가입 리드)', en: ' (sign-up lead)' },
  'transferEmails.status': { ko: '상태: {status}', en: 'Status: {status}' },
  'transferEmails.company': { ko: '기업명: {value}', en: 'Company: {value}' },
  'transferEmails.contact': { ko: '담당자 이름: {value}', en: 'Contact name: {value}' },
  'transferEmails.phone': { ko: '연락처: {value}', en: 'Phone: {value}' },
  'transferEmails.phoneRegisteredContact': {
    ko: '연락처: 카카오 T 앱 등록 연락처로 연락 (고객 동의)',
    en: "Phone: call at the account's registered contact (Kakao T app; the caller agreed)",
  },
  'transferEmails.due': { ko: '처리 기한: {at}{left}', en: 'Due: {at}{left}' },
  'transferEmails.hoursMinutes': { ko: '{hours}시간 {minutes}분', en: '{hours} h {minutes} min' },
  'transferEmails.minutes': { ko: '{minutes}분', en: '{minutes} min' },
  'transferEmails.timeLeft': { ko: ' (업무시간 기준 {time} 남음)', en: ' ({time} of business hours left)' },
  'transferEmails.timeOver': {
    ko: ' (업무시간 기준 {time} 지남)',
    en: ' ({time} of business hours overdue)',
  },
  'transferEmails.inquiry': { ko: '문의 내용: {value}', en: 'Inquiry: {value}' },
  'transferEmails.comment': { ko: '댓글: {value}', en: 'Comment: {value}' },
  'transferEmails.open': { ko: '열기: {link}', en: 'Open: {link}' },
  'transferEmails.masked': {
    ko: '개인정보는 가려서 보냅니다. 전체 내용은 이음에서 확인하세요.',
    en: 'Personal data is masked in this e-mail. See the full details in ieum.',
  },
} as const satisfies MessageArea;
