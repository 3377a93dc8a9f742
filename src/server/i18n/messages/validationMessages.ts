import type { MessageArea } from '../messageArea.ts';

/**
 * Messages for a request that does not match its schema, one per kind of zod issue. `{field}` is
 * the field's path in the request part ('record.inquiry'; the part itself, 'body', for the whole).
 */
export const validationMessages = {
  'validation.failed': { ko: '요청 값이 올바르지 않습니다.', en: 'The request is invalid.' },
  'validation.nulCharacter': {
    ko: '{where}: NUL 문자(\\u0000)는 쓸 수 없습니다',
    en: '{where}: the NUL character (\\u0000) is not allowed',
  },
  'validation.required': { ko: '{field}을(를) 입력하세요', en: '{field} is required' },
  'validation.invalidType': {
    ko: '{field}은(는) {expected:validation.type} 형식이어야 합니다',
    en: '{field} must be {expected:validation.type}',
  },
  'validation.type.string': { ko: '문자열', en: 'a string' },
  'validation.type.number': { ko: '숫자', en: 'a number' },
  'validation.type.int': { ko: '정수', en: 'an integer' },
  'validation.type.bigint': { ko: '정수', en: 'an integer' },
  'validation.type.boolean': { ko: 'true 또는 false', en: 'true or false' },
  'validation.type.object': { ko: '객체(JSON object)', en: 'an object' },
  'validation.type.array': { ko: '배열', en: 'an array' },
  'validation.type.date': { ko: '날짜', en: 'a date' },
  'validation.type.null': { ko: 'null', en: 'null' },
  'validation.stringTooLong': {
    ko: '{field}은(는) {maximum}자 이하여야 합니다',
    en: '{field} must be at most {maximum#character|characters} long',
  },
  'validation.stringTooShort': {
    ko: '{field}은(는) {minimum}자 이상이어야 합니다',
    en: '{field} must be at least {minimum#character|characters} long',
  },
  'validation.stringEmpty': { ko: '{field}은(는) 비어 있을 수 없습니다', en: '{field} must not be empty' },
  'validation.stringLength': {
    ko: '{field}은(는) 정확히 {length}자여야 합니다',
    en: '{field} must be exactly {length#character|characters} long',
  },
  'validation.numberTooBig': {
    ko: '{field}은(는) {maximum} 이하여야 합니다',
    en: '{field} must be at most {maximum}',
  },
  'validation.numberTooBigExclusive': {
    ko: '{field}은(는) {maximum}보다 작아야 합니다',
    en: '{field} must be less than {maximum}',
  },
  'validation.numberTooSmall': {
    ko: '{field}은(는) {minimum} 이상이어야 합니다',
    en: '{field} must be at least {minimum}',
  },
  'validation.numberTooSmallExclusive': {
    ko: '{field}은(는) {minimum}보다 커야 합니다',
    en: '{field} must be greater than {minimum}',
  },
  'validation.tooManyItems': {
    ko: '{field}에는 항목을 {maximum}개까지 넣을 수 있습니다',
    en: '{field} may hold at most {maximum#item|items}',
  },
  'validation.tooFewItems': {
    ko: '{field}에는 항목이 {minimum}개 이상 있어야 합니다',
    en: '{field} must hold at least {minimum#item|items}',
  },
  'validation.fileTooBig': {
    ko: '{field}은(는) {maximum}바이트 이하여야 합니다',
    en: '{field} must be at most {maximum#byte|bytes}',
  },
  'validation.fileTooSmall': {
    ko: '{field}은(는) {minimum}바이트 이상이어야 합니다',
    en: '{field} must be at least {minimum#byte|bytes}',
  },
  'validation.dateTooLate': {
    ko: '{field}은(는) {maximum} 이전이어야 합니다',
    en: '{field} must be on or before {maximum}',
  },
  'validation.dateTooEarly': {
    ko: '{field}은(는) {minimum} 이후여야 합니다',
    en: '{field} must be on or after {minimum}',
  },
  'validation.noSuchDate': {
    ko: '{field}의 {value}은(는) 달력에 없는 날짜입니다',
    en: '{field}: {value} is not a day of the calendar',
  },
  'validation.invalidFormat': {
    ko: '{field}의 형식이 올바르지 않습니다 ({format} 형식이어야 합니다)',
    en: '{field} must be a valid {format}',
  },
  'validation.datetimeOffsetMissing': {
    ko: '{field}에 시간대(Z 또는 +09:00)가 빠졌습니다 (예: {example})',
    en: '{field} lacks its UTC offset (Z or +09:00), e.g. {example}',
  },
  'validation.patternMismatch': {
    ko: '{field}의 형식이 올바르지 않습니다 (형식: {pattern})',
    en: '{field} does not match the expected pattern {pattern}',
  },
  'validation.notMultipleOf': {
    ko: '{field}은(는) {divisor}의 배수여야 합니다',
    en: '{field} must be a multiple of {divisor}',
  },
  'validation.oneOf': {
    ko: '{field}은(는) {values} 중 하나여야 합니다',
    en: '{field} must be one of {values}',
  },
  'validation.unknownKeys': {
    ko: '{field}에 알 수 없는 항목이 있습니다: {keys}',
    en: '{field} has unknown keys: {keys}',
  },
  'validation.unknownVariant': {
    ko: '{field}의 {discriminator} 값을 알 수 없습니다 (쓸 수 있는 값: {values})',
    en: '{field} has an unknown {discriminator} (allowed: {values})',
  },
  'validation.invalid': { ko: '{field}의 값이 올바르지 않습니다', en: '{field} is invalid' },
  'validation.yearOutOfRange': {
    ko: '연도는 {min}–{max} 사이여야 합니다',
    en: 'The year must be between {min} and {max}',
  },
  'validation.expiryEitherOr': {
    ko: 'expiresAt과 expiresInDays 중 하나만 보내세요',
    en: 'Send expiresAt or expiresInDays, not both',
  },
  'validation.phoneOrEmailExactlyOne': {
    ko: 'phone 또는 email 중 하나만 주세요',
    en: 'Send exactly one of phone and email',
  },
  'validation.fromAfterTo': { ko: 'from은 to보다 늦을 수 없습니다', en: 'from cannot be later than to' },
  'validation.rangeTooLong': {
    ko: '기간은 최대 {max}일입니다',
    en: 'The period can be at most {max} days',
  },
  'validation.hourlyRangeTooLong': {
    ko: '시간별 집계의 기간은 최대 {max}일입니다',
    en: 'An hourly report covers at most {max} days',
  },
  'validation.hourBucketNeedsHourly': {
    ko: 'YYYY-MM-DDTHH 형식은 groupBy=hour에서만 씁니다',
    en: 'A YYYY-MM-DDTHH bucket is only for groupBy=hour',
  },
  'validation.hourlyNeedsHourBucket': {
    ko: 'groupBy=hour에서는 YYYY-MM-DDTHH 형식입니다',
    en: 'With groupBy=hour the bucket is YYYY-MM-DDTHH',
  },
  'validation.secretOrRotate': {
    ko: 'secret과 rotateSecret 중 하나만 보내세요',
    en: 'Send secret or rotateSecret, not both',
  },
  'validation.duplicateItem': {
    ko: "{name} '{value}'가 중복되었습니다",
    en: "{name} '{value}' is given twice",
  },
} as const satisfies MessageArea;
