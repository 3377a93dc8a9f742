import { describe, expect, it } from 'vitest';
import { findContactPoints } from './findContactPoints.ts';

describe('findContactPoints', () => {
  it('finds personal numbers and emails in a record body, normalised and de-duplicated', () => {
    const body = [
      'ㄴ 연락처 : 010-1234-5678',
      'ㄴ 문의 내용 : 소개서 요청 / 이메일주소: Kim.Minsu@Example.com, 사무실 (02) 123-4567, 다시 01012345678',
    ].join('\n');
    expect(findContactPoints(body)).toEqual({
      phones: ['01012345678', '021234567'],
      emails: ['kim.minsu@example.com'],
    });
  });

  it('leaves out business numbers and invalid digit runs', () => {
    expect(findContactPoints('상담센터 1644-7391, 무료 080-123-4567, 주문 12345678, 060-123-4567')).toEqual({
      phones: [],
      emails: [],
    });
  });
});
