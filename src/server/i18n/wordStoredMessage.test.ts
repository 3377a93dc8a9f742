import { describe, expect, it } from 'vitest';
import { wordStoredMessage } from './wordStoredMessage.ts';

describe('wordStoredMessage', () => {
  it('words a stored catalogue key in the reader’s language', () => {
    expect(wordStoredMessage('webhooks.subscriptionInactive', 'en')).toBe(
      'Not sent: the subscription is inactive.',
    );
    expect(wordStoredMessage('webhooks.subscriptionInactive', 'ko')).toBe(
      '구독이 비활성화되어 보내지 않았습니다.',
    );
  });

  it('recognises the Korean sentence an earlier version stored for one of the given keys', () => {
    const stored = '구독이 비활성화되어 보내지 않았습니다.';
    expect(wordStoredMessage(stored, 'en', ['webhooks.subscriptionInactive'])).toBe(
      'Not sent: the subscription is inactive.',
    );
    expect(wordStoredMessage(stored, 'en')).toBe(stored);
  });

  it('shows anything else as stored: a receiver’s answer, a network error', () => {
    expect(wordStoredMessage('HTTP 503', 'en')).toBe('HTTP 503');
    expect(wordStoredMessage('TypeError: fetch failed', 'ko')).toBe('TypeError: fetch failed');
  });
});
