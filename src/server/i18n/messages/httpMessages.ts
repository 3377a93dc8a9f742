import type { MessageArea } from '../messageArea.ts';

/** Messages for failures of the HTTP layer itself: parsing, size, time, routing, rate limits, the database. */
export const httpMessages = {
  'http.requestTimeout': {
    ko: '요청을 제때 다 받지 못해 연결을 닫습니다.',
    en: 'The request did not arrive in full in time; the connection is closed.',
  },
  'http.requestTimeoutBody': {
    ko: '요청 시간이 초과되었습니다 (Content-Length만큼 오지 않음)',
    en: 'Request timed out (fewer bytes than Content-Length arrived)',
  },
  'http.headersTooLarge': {
    ko: '요청 주소 또는 헤더가 너무 깁니다.',
    en: 'The request address or headers are too long.',
  },
  'http.headersLimit': {
    ko: '헤더와 주소는 합쳐 16 KB까지입니다',
    en: 'Headers and address together may be at most 16 KB',
  },
  'http.malformedRequest': {
    ko: 'HTTP 요청 형식이 올바르지 않습니다.',
    en: 'The HTTP request is malformed.',
  },
  'http.databaseUnavailable': {
    ko: '데이터베이스에 연결할 수 없습니다. 잠시 후 다시 시도하세요.',
    en: 'The database cannot be reached. Please try again shortly.',
  },
  'http.badPercentEncoding': {
    ko: '주소의 퍼센트 인코딩(%XX)이 올바르지 않습니다.',
    en: 'The address has an invalid percent-encoding (%XX).',
  },
  'http.badPercentEncodingDetail': {
    ko: '올바른 UTF-8 퍼센트 인코딩이 아닙니다',
    en: 'Not a valid UTF-8 percent-encoding',
  },
  'http.pathTooLong': {
    ko: '주소의 경로 값이 너무 깁니다.',
    en: 'A value in the address path is too long.',
  },
  'http.pathSegmentLimit': {
    ko: '경로의 한 구간은 {max}자까지입니다',
    en: 'One path segment may be at most {max#character|characters}',
  },
  'http.rateLimited': {
    ko: '요청이 너무 많습니다. 잠시 후 다시 시도하세요.',
    en: 'Too many requests. Please try again shortly.',
  },
  'http.notFound': { ko: '찾을 수 없습니다.', en: 'Not found.' },
  'http.routeNotFound': {
    ko: '{method} {path} 경로가 없습니다.',
    en: 'There is no route {method} {path}.',
  },
  'http.methodNotAllowed': {
    ko: '{path} 경로는 {method} 요청을 받지 않습니다. 받는 요청: {allowed}',
    en: '{path} does not take {method} requests. It takes: {allowed}.',
  },
  'http.methodNotAllowedDetail': {
    ko: '이 경로가 받는 요청: {allowed}',
    en: 'Methods this path takes: {allowed}',
  },
  'http.malformedJson': {
    ko: '요청 본문이 올바른 JSON이 아닙니다.',
    en: 'The request body is not valid JSON.',
  },
  'http.emptyJsonBody': {
    ko: 'Content-Type이 application/json이면 본문이 비어 있을 수 없습니다.',
    en: 'A body with Content-Type application/json cannot be empty.',
  },
  'http.unsupportedMediaType': {
    ko: '이 주소는 보낸 Content-Type의 본문을 받지 않습니다.',
    en: 'This address does not accept a body of the Content-Type sent.',
  },
  'http.bodyTooLarge': { ko: '요청 본문이 너무 큽니다.', en: 'The request body is too large.' },
  'http.contentLengthMismatch': {
    ko: '요청 본문의 크기가 Content-Length와 다릅니다.',
    en: 'The request body size does not match Content-Length.',
  },
  'http.badRequest': {
    ko: '요청을 처리할 수 없습니다: {reason}',
    en: 'The request cannot be processed: {reason}',
  },
  'http.internal': {
    ko: '서버 오류가 발생했습니다. 잠시 후 다시 시도하세요.',
    en: 'A server error occurred. Please try again shortly.',
  },
  'http.nulCharacter': {
    ko: 'NUL 문자(\\u0000)는 쓸 수 없습니다',
    en: 'The NUL character (\\u0000) is not allowed',
  },
  'http.idempotencyKeyReused': {
    ko: '같은 Idempotency-Key로 다른 요청을 보냈습니다. 새 요청에는 새 키를 쓰세요.',
    en: 'The Idempotency-Key was already used for a different request. Use a new key for a new request.',
  },
  'http.idempotencyKeyReusedDetail': {
    ko: '다른 요청 본문에 이미 쓴 키입니다',
    en: 'reused with a different request body',
  },
  'http.idempotencyKeyOtherResourceDetail': {
    ko: '다른 대상({resourceId})에 이미 쓴 키입니다. 이 키로는 이 요청을 처리하지 않았습니다',
    en: 'already used for another resource ({resourceId}); this request was not carried out',
  },
  'http.idempotencyInProgress': {
    ko: '같은 Idempotency-Key의 요청이 처리 중입니다. 잠시 후 다시 시도하세요.',
    en: 'A request with the same Idempotency-Key is still being processed. Please try again shortly.',
  },
  'http.idempotencyInProgressDetail': { ko: '처리 중', en: 'in progress' },
} as const satisfies MessageArea;
