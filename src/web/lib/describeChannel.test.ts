import { describe, expect, it } from 'vitest';
import { describeChannel } from './describeChannel.ts';

describe('describeChannel', () => {
  it('shows the guide label as written in the Korean UI', () => {
    expect(describeChannel('call', '전화 상담', 'ko')).toBe('전화 상담');
    expect(describeChannel('chat', '채팅', 'ko')).toBe('채팅');
  });

  it('names a known channel id from the catalogue in English, not the guide label', () => {
    expect(describeChannel('call', '전화', 'en')).toBe('Call');
    expect(describeChannel('chat', '채팅', 'en')).toBe('Chat');
  });

  it('falls back to the catalogue without a guide label, and to the id for an unknown channel', () => {
    expect(describeChannel('call', undefined, 'ko')).toBe('전화');
    expect(describeChannel('fax', undefined, 'en')).toBe('fax');
    expect(describeChannel('fax', '팩스', 'en')).toBe('팩스');
  });
});
