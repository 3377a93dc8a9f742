import { describe, expect, it } from 'vitest';
import { REDACTED_MARK, redactSubjectFromText } from './redactSubjectFromText.ts';

describe('redactSubjectFromText', () => {
  const subject = { phones: ['01024681357'], emails: ['Kim.Minsu@example.com'], names: ['홍길동', '김'] };

  it('removes the subject’s number in any format, address and name, and nothing else', () => {
    const text =
      '홍길동 고객(010-2468-1357, +82 10 2468 1357, 01024681357) 요청, kim.minsu@EXAMPLE.com 회신; 김 대리 010-1111-2222 참조';
    const redacted = redactSubjectFromText(text, subject);
    expect(redacted).toBe(
      `${REDACTED_MARK} 고객(${REDACTED_MARK}, ${REDACTED_MARK}, ${REDACTED_MARK}) 요청, ${REDACTED_MARK} 회신; 김 대리 010-1111-2222 참조`,
    );
  });

  it('leaves a text without the subject as it was', () => {
    expect(redactSubjectFromText('가입 소개서 발송 후 OB 통화', subject)).toBe('가입 소개서 발송 후 OB 통화');
  });

  it('removes the name however it was typed: spaced, before particles, the given name before an honorific', () => {
    const named = { phones: [], emails: [], names: ['탁서윤'] };
    expect(
      redactSubjectFromText('탁 서윤 님이 요청, 서윤 님 부재, 탁서윤에게 회신; 서윤상사 문의', named),
    ).toBe(`${REDACTED_MARK} 님이 요청, ${REDACTED_MARK} 님 부재, ${REDACTED_MARK}에게 회신; 서윤상사 문의`);
    // A removal that joins text into the given name before an honorific removes that too.
    expect(redactSubjectFromText('탁서윤서윤 님', named)).toBe(`${REDACTED_MARK}${REDACTED_MARK} 님`);
  });
});
