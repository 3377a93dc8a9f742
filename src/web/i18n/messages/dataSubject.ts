import { defineMessages } from '../defineMessages.ts';

/** The data-subject requests tab (정보주체 열람·삭제) of the privacy screen. */
export const dataSubjectMessages = defineMessages('dataSubject', {
  ko: {
    'dataSubject.title': '정보주체 요청',
    'dataSubject.phone': '전화번호',
    'dataSubject.email': '이메일',
    'dataSubject.reason': '요청 근거',
    'dataSubject.reasonExample': '예: 2026-11-25 고객 열람 요청',
    'dataSubject.find': '조회',
    'dataSubject.export': 'JSON 내보내기',
    'dataSubject.delete': '삭제',
    'dataSubject.confirmDelete':
      '이 정보주체의 개인정보를 모든 상담이력·리드·이관에서 파기합니다. 되돌릴 수 없습니다.',
    'dataSubject.erased':
      '상담 {consultations}건, 리드 {leads}건, 이관 {transfers}건의 개인정보를 파기했습니다.',
    'dataSubject.found':
      '{subject}: 상담 {consultations}건, 동의 기록 {consents}건, 리드 {leads}건, 이관 {transfers}건, 기업 명부 등록 {contacts}건',
  },
  en: {
    'dataSubject.title': 'Data subject requests',
    'dataSubject.phone': 'Phone number',
    'dataSubject.email': 'E-mail',
    'dataSubject.reason': 'Grounds for the request',
    'dataSubject.reasonExample': 'e.g. access request by the customer on 2026-11-25',
    'dataSubject.find': 'Look up',
    'dataSubject.export': 'Export JSON',
    'dataSubject.delete': 'Erase',
    'dataSubject.confirmDelete':
      "This erases the person's personal data from every consultation record, lead and transfer. It cannot be undone.",
    'dataSubject.erased':
      'Personal data erased — consultations: {consultations}, leads: {leads}, transfers: {transfers}.',
    'dataSubject.found':
      '{subject}: consultations {consultations}, consent records {consents}, leads {leads}, transfers {transfers}, company directory entries {contacts}',
  },
});
