import { describe, expect, it } from 'vitest';
import { maskText } from './maskText.ts';
import { redactContactPoints } from './redactContactPoints.ts';

describe('redactContactPoints', () => {
  it('removes numbers and addresses written in clear, in any format, keeping the text around them', () => {
    expect(redactContactPoints('제 번호 010-8888-9999 로 연락 주세요. 홍길동입니다')).toBe(
      '제 번호 [삭제됨] 로 연락 주세요. 홍길동입니다',
    );
    expect(redactContactPoints('메일 hong.gildong@example.com 으로, 연락처 01043218765')).toBe(
      '메일 [삭제됨] 으로, 연락처 [삭제됨]',
    );
    expect(redactContactPoints('+82 10-2222-3333 / 02)123-4567 / (031) 234-5678')).not.toMatch(/\d{4}/);
  });

  it('removes what masking left of them too: masked text still gives four digits away', () => {
    for (const text of [
      '제 번호 010-8888-9999 로 연락 주세요',
      'hong.gildong@example.com 으로 보내주세요. 연락처 010-4321-8765',
      '고객(010-1234-5678) 요청',
      '번호 0101-2345-6789 입니다',
    ]) {
      const redacted = redactContactPoints(maskText(text));
      expect(redacted).toContain('[삭제됨]');
      expect(redacted).not.toMatch(/\d{4}|@example/);
    }
    expect(redactContactPoints('연락처 010-****-9999, ho***@example.com')).toBe('연락처 [삭제됨], [삭제됨]');
  });

  it('leaves company lines, amounts and dates, and text without contact points, as written', () => {
    for (const text of [
      '대표번호 1644-7391 로 걸었어요',
      '080-123-4567 수신거부',
      '정산 금액 12,345,678원, 2026-12-07 청구',
      '세금계산서 재발행 부탁드립니다 ***',
    ])
      expect(redactContactPoints(text)).toBe(text);
  });
});
