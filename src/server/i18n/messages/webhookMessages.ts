import type { MessageArea } from '../messageArea.ts';

/**
 * Why a webhook delivery was not sent, as its delivery log shows it. Stored as the key (the log
 * keeps data, not words) and worded in the reader's language. Also why a subscription's URL is
 * refused when it is saved.
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
  'webhooks.urlHasCredentials': {
    ko: '웹훅 주소에 사용자 이름이나 비밀번호(user:pw@)를 넣을 수 없습니다. 받는 쪽 확인은 서명 비밀값으로 하세요',
    en: 'A webhook URL cannot contain a user name or password (user:pw@). Let the receiver check the signing secret instead',
  },
} as const satisfies MessageArea;
