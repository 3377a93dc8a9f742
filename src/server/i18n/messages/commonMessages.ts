import type { MessageArea } from '../messageArea.ts';

/** Messages several areas share: guides, phones, e-mails, business numbers, generic answers. */
export const commonMessages = {
  'common.invalidInput': { ko: '입력이 올바르지 않습니다', en: 'The input is invalid' },
  'common.notFound': { ko: '없음', en: 'not found' },
  'common.required': { ko: '필수 항목', en: 'required' },
  'common.duplicate': { ko: '중복', en: 'duplicate' },
  'common.guideNotFound': { ko: '가이드를 찾을 수 없습니다: {id}', en: 'Guide not found: {id}' },
  'common.guideNotFoundDetail': { ko: '존재하지 않는 가이드', en: 'unknown guide' },
  'common.guideVersionNotFound': {
    ko: '가이드 {id}의 버전 {version}을(를) 찾을 수 없습니다',
    en: 'Guide {id} has no version {version} here',
  },
  'common.guideVersionNotFoundDetail': {
    ko: '이 서버가 불러온 적 없는 버전',
    en: 'a version this server never loaded',
  },
  'common.invalidPhone': {
    ko: '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)',
    en: 'The phone number is not valid (e.g. 010-1234-5678)',
  },
  'common.invalidPhoneDetail': { ko: '올바르지 않은 전화번호', en: 'invalid phone number' },
  'common.invalidEmail': {
    ko: '이메일 주소 형식이 올바르지 않습니다',
    en: 'The e-mail address is not valid',
  },
  'common.bizNoFormat': {
    ko: '사업자등록번호는 10자리 숫자입니다 (예: 123-45-67890)',
    en: 'A business registration number has 10 digits (e.g. 123-45-67890)',
  },
  'common.bizNoChecksum': {
    ko: '사업자등록번호가 올바르지 않습니다. 번호를 다시 확인해 주세요',
    en: 'The business registration number is not valid. Please check the number again',
  },
  'common.closureTaken': {
    ko: '{date}에는 이미 휴무일이 등록되어 있습니다.',
    en: 'A closure is already registered on {date}.',
  },
  'common.closureInPast': {
    ko: '지난 날({date})은 휴무일로 등록할 수 없습니다. 오늘({today}) 이후 날짜를 고르세요: 이미 계산된 기한과 통계가 바뀝니다.',
    en: 'A past day ({date}) cannot be added as a closure: due times and figures already computed would change. Pick today ({today}) or later.',
  },
  'common.closureInPastDetail': {
    ko: '오늘({today}) 이후 날짜여야 합니다',
    en: 'must be today ({today}) or later',
  },
  'common.closureNotFound': { ko: '휴무일을 찾을 수 없습니다: {id}', en: 'Closure not found: {id}' },
  'common.webhookNotFound': {
    ko: '웹훅 구독을 찾을 수 없습니다: {id}',
    en: 'Webhook subscription not found: {id}',
  },
  'common.noSuggestionExamples': {
    ko: '{guideId} 가이드에는 추천용 예문이 없습니다.',
    en: 'The {guideId} guide has no examples for suggestions.',
  },
  'common.noGuideWithSuggestionExamples': {
    ko: '추천용 예문이 있는 가이드가 없습니다.',
    en: 'No guide has examples for suggestions.',
  },
  'common.phoneOrEmailRequired': { ko: 'phone 또는 email 중 하나를 주세요', en: 'Send phone or email' },
  'common.consultationNotFound': { ko: '상담을 찾을 수 없습니다: {id}', en: 'Consultation not found: {id}' },
  // An inquiry type its guide no longer lists (the guide was edited since): named by its number.
  'common.inquiryTypeFallback': { ko: '유형 {number}', en: 'Type {number}' },
} as const satisfies MessageArea;
