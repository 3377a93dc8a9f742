import type { MessageArea } from '../messageArea.ts';

/** Messages about signing in, sessions, CSRF, permissions and the first-run setup. */
export const authMessages = {
  'auth.csrfInvalid': {
    ko: 'CSRF 토큰이 없거나 올바르지 않습니다. 페이지를 새로 고치세요.',
    en: 'The CSRF token is missing or invalid. Reload the page.',
  },
  'auth.csrfInvalidDetail': { ko: '없거나 올바르지 않음', en: 'missing or invalid' },
  'auth.loginRequired': {
    ko: '로그인이 필요합니다. (Authorization: Bearer <token> 또는 세션 쿠키)',
    en: 'Sign-in required (Authorization: Bearer <token> or the session cookie).',
  },
  'auth.permissionDenied': {
    ko: '이 작업을 할 권한이 없습니다 ({permission}).',
    en: 'You do not have permission to do this ({permission}).',
  },
  'auth.invalidCredentials': {
    ko: '이메일 또는 비밀번호가 올바르지 않습니다. 실패가 {maxFailures}번 이어지면 {lockMinutes}분 동안 로그인할 수 없습니다.',
    en: 'The e-mail or password is incorrect. After {maxFailures#failure|failures} in a row, sign-in is locked for {lockMinutes#minute|minutes}.',
  },
  'auth.noSessionForToken': {
    ko: 'Bearer 토큰에는 세션이 없습니다. 세션 쿠키로 호출하세요.',
    en: 'A Bearer token has no session. Call with the session cookie.',
  },
  'auth.noSessionForTokenDetail': {
    ko: 'API 토큰에는 브라우저 세션이 없습니다',
    en: 'an API token has no browser session',
  },
  'auth.setupComplete': {
    ko: '초기 설정이 이미 끝났습니다. 로그인하세요.',
    en: 'The initial setup is already complete. Please sign in.',
  },
  'auth.setupLinkInvalid': {
    ko: '설정 링크가 유효하지 않거나 만료되었습니다. 서버를 다시 시작하면 새 링크가 출력됩니다.',
    en: 'The setup link is invalid or has expired. Restart the server to print a new link.',
  },
  'auth.setupTokenInvalid': { ko: '유효하지 않은 토큰', en: 'invalid token' },
  'auth.ctiTokenInvalid': {
    ko: 'CTI 토큰이 올바르지 않습니다. 관리자에게 문의하세요.',
    en: 'The CTI token is invalid. Contact your administrator.',
  },
  'auth.ctiTokenUnknown': { ko: '알 수 없거나 폐기된 토큰', en: 'unknown or revoked token' },
} as const satisfies MessageArea;
