import { defineMessages } from '../defineMessages.ts';

/** Telephony: the screen pop in the console and the missed calls in the queue. */
export const ctiMessages = defineMessages('cti', {
  ko: {
    'cti.pop.current': '전화 수신 · 이 상담',
    'cti.pop.later': '전화 수신 · 진행 중인 상담을 마치면 이어서 진행에서 열 수 있습니다',
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
    'cti.pop.later': 'Incoming call · open it from "Continue" once the current consultation is done',
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
