import { defineMessages } from '../defineMessages.ts';

/** Telephony: the screen pop in the console and the missed calls in the queue. */
export const ctiMessages = defineMessages('cti', {
  ko: {
    'cti.pop.current': '전화 수신 · 이 상담',
    'cti.waiting.title': '새 전화',
    'cti.waiting.line': '새 전화: {caller}',
    'cti.waiting.openNewTab': '새 탭에서 열기',
    'cti.waiting.open': '열기',
    'cti.waiting.hintInCall':
      '지금 상담의 화면과 추천은 그대로입니다. 새 탭에서 열거나, 이 상담을 저장한 뒤 진행 중인 상담에서 여세요.',
    'cti.pop.recent': '최근 상담',
    'cti.pop.noType': '유형 미선택',
    'cti.pop.completed': '완료',
    'cti.pop.open': '진행 중',
    'cti.pop.abandoned': '중단',
    'cti.pop.openTransfers': '진행 중인 이관·리드',
    'cti.pop.lead': '가입 리드',
    'cti.pop.transfer': '이관',
    'cti.pop.status.received': '접수',
    'cti.pop.status.in-progress': '처리중',
    'cti.pop.status.contacted': '연락완료',
    'cti.pop.status.unreachable': '연락불가',
    'cti.pop.status.closed': '종결',
  },
  en: {
    'cti.pop.current': 'Incoming call · this consultation',
    'cti.waiting.title': 'New call',
    'cti.waiting.line': 'New call: {caller}',
    'cti.waiting.openNewTab': 'Open in a new tab',
    'cti.waiting.open': 'Open',
    'cti.waiting.hintInCall':
      'This consultation stays as it is. Open the new call in a new tab, or from Consultations in progress once this one is saved.',
    'cti.pop.recent': 'Recent consultations',
    'cti.pop.noType': 'no type chosen',
    'cti.pop.completed': 'completed',
    'cti.pop.open': 'in progress',
    'cti.pop.abandoned': 'abandoned',
    'cti.pop.openTransfers': 'Open transfers and leads',
    'cti.pop.lead': 'Sign-up lead',
    'cti.pop.transfer': 'Transfer',
    'cti.pop.status.received': 'Received',
    'cti.pop.status.in-progress': 'In progress',
    'cti.pop.status.contacted': 'Contacted',
    'cti.pop.status.unreachable': 'Unreachable',
    'cti.pop.status.closed': 'Closed',
  },
});
