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
      '상담 {consultations}건, 리드 {leads}건, 이관 {transfers}건, 전화 {calls}건의 개인정보를 파기했습니다.',
    'dataSubject.found':
      '{subject}: 상담 {consultations}건, 동의 기록 {consents}건, 리드 {leads}건, 이관 {transfers}건, 기업 명부 등록 {contacts}건, 전화 {calls}건 (부재중 {missed}건)',
    'dataSubject.mentions':
      '다른 기록의 글에도 {count}건 나옵니다 (댓글·메모·채팅·메일 등). 삭제하면 그 부분은 [삭제됨]으로 바뀝니다.',
    'dataSubject.calls.title': '전화 기록 (CTI)',
    'dataSubject.calls.startedAt': '일시',
    'dataSubject.calls.number': '번호',
    'dataSubject.calls.kind': '통화',
    'dataSubject.calls.callback': '콜백',
    'dataSubject.calls.in': '수신',
    'dataSubject.calls.out': '발신',
    'dataSubject.calls.state.ringing': '연결 중',
    'dataSubject.calls.state.answered': '통화 중',
    'dataSubject.calls.state.missed': '부재중',
    'dataSubject.calls.state.unanswered': '미응답',
    'dataSubject.calls.state.ended': '통화 종료',
    'dataSubject.calls.callback.none': '-',
    'dataSubject.calls.callback.open': '콜백 대기',
    'dataSubject.calls.callback.done': '콜백 완료',
    'dataSubject.calls.callback.erased': '번호 파기로 종료',
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
      'Personal data erased — consultations: {consultations}, leads: {leads}, transfers: {transfers}, calls: {calls}.',
    'dataSubject.found':
      '{subject}: consultations {consultations}, consent records {consents}, leads {leads}, transfers {transfers}, company directory entries {contacts}, calls {calls} ({missed} missed)',
    'dataSubject.mentions':
      'Also named in the text of {count} other rows (comments, notes, chats, e-mails…). Deleting replaces it there with [삭제됨].',
    'dataSubject.calls.title': 'Phone calls (CTI)',
    'dataSubject.calls.startedAt': 'When',
    'dataSubject.calls.number': 'Number',
    'dataSubject.calls.kind': 'Call',
    'dataSubject.calls.callback': 'Callback',
    'dataSubject.calls.in': 'Inbound',
    'dataSubject.calls.out': 'Outbound',
    'dataSubject.calls.state.ringing': 'ringing',
    'dataSubject.calls.state.answered': 'in progress',
    'dataSubject.calls.state.missed': 'missed',
    'dataSubject.calls.state.unanswered': 'not answered',
    'dataSubject.calls.state.ended': 'ended',
    'dataSubject.calls.callback.none': '-',
    'dataSubject.calls.callback.open': 'to call back',
    'dataSubject.calls.callback.done': 'called back',
    'dataSubject.calls.callback.erased': 'closed, number erased',
  },
});
