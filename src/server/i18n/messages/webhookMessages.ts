import type { MessageArea } from '../messageArea.ts';

/**
 * Why a webhook delivery was not sent, as its delivery log shows it. Stored as the key (the log
 * keeps data, not words) and worded in the reader's language.
 */
export const webhookMessages = {
  'webhooks.subscriptionInactive': {
    ko: '구독이 비활성화되어 보내지 않았습니다.',
    en: 'Not sent: the subscription is inactive.',
  },
  'webhooks.privateTarget': {
    ko: '내부(루프백·사설) 주소로는 웹훅을 보내지 않습니다. 허용하려면 IEUM_WEBHOOK_ALLOW_PRIVATE=true로 설정하세요',
    en: 'Webhooks are not sent to internal (loopback or private) addresses. Set IEUM_WEBHOOK_ALLOW_PRIVATE=true to allow them',
  },
} as const satisfies MessageArea;
