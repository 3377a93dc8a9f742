import type { MessageArea } from '../messageArea.ts';

/** Messages about telephony (CTI), the KakaoTalk chatbot and guides. */
export const ctiMessages = {
  'cti.callNotFound': { ko: '통화를 찾을 수 없습니다: {id}', en: 'Call not found: {id}' },
  'cti.missedCallNotFound': { ko: '부재중 전화를 찾을 수 없습니다: {id}', en: 'Missed call not found: {id}' },
  'cti.numberErased': {
    ko: '번호가 파기된 통화입니다 (보관 기간 종료 또는 정보주체의 삭제 요청).',
    en: 'The number of this call was destroyed (its retention period ended, or the data subject asked).',
  },
  // The screen pop's line saying who a caller is by the directory.
  'cti.caller.registeredManager': {
    ko: '등록된 관리책임자 · {name} · {company}',
    en: 'Registered account manager · {name} · {company}',
  },
  'cti.caller.registeredOperator': {
    ko: '등록된 운영담당자 · {name} · {company}',
    en: 'Registered operator · {name} · {company}',
  },
  'cti.caller.unregistered': { ko: '미등록 번호', en: 'Unregistered number' },
  'cti.caller.endedAccount': {
    ko: '미등록 번호 (해지된 기업 {company}의 연락처)',
    en: 'Unregistered number (a contact of {company}, whose account has ended)',
  },
  'cti.tokenNotFound': { ko: 'CTI 토큰을 찾을 수 없습니다: {id}', en: 'CTI token not found: {id}' },
  'kakao.setupIncomplete': {
    ko: '아직 관리자 설정이 끝나지 않았습니다.',
    en: 'The administrator setup is not finished yet.',
  },
  'kakao.addressNotFound': {
    ko: '요청한 주소를 찾을 수 없습니다.',
    en: 'The requested address was not found.',
  },
  'kakao.noChatGuide': {
    ko: '채팅 채널을 다루는 가이드가 없습니다.',
    en: 'No guide covers the chat channel.',
  },
  'kakao.handoffNotFound': {
    ko: '상담직원 연결 요청을 찾을 수 없습니다: {id}',
    en: 'Agent handoff request not found: {id}',
  },
  'kakao.chatTaken': {
    ko: '이미 종료되었거나 다른 상담직원이 맡은 채팅입니다.',
    en: 'This chat has ended or another agent has taken it.',
  },
  'kakao.claimedByOther': { ko: '다른 상담직원이 먼저 맡았습니다.', en: 'Another agent took it first.' },
  'kakao.chatNotFound': { ko: '채팅 기록이 없습니다: {id}', en: 'No chat record: {id}' },
  // A conversation's user key once its personal data was erased (expired, or retention ended).
  'kakao.userErased': { ko: '(삭제됨)', en: '(erased)' },
} as const satisfies MessageArea;
