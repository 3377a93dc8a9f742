import type { MessageArea } from '../messageArea.ts';

/**
 * Why an outbox e-mail has not gone (its delivery state as the lead and first-run screens show it).
 * Stored as the key and worded in the reader's language; an SMTP server's own answer is stored as
 * it came.
 */
export const emailMessages = {
  'emails.waitingForSmtp': {
    ko: 'SMTP_URL이 설정되지 않아 발송 대기 중입니다.',
    en: 'Waiting to be sent: SMTP_URL is not set.',
  },
  'emails.erasedBeforeSending': {
    ko: '개인정보 파기로 발송하지 않았습니다.',
    en: 'Not sent: the personal data was destroyed first.',
  },
} as const satisfies MessageArea;
