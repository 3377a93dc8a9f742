import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../guide/parseGuide.ts';

const guideText = readFileSync(
  new URL('../../../content/guides/business-inquiry.json', import.meta.url),
  'utf8',
);
const partnerText = readFileSync(
  new URL('../../../test/fixtures/guides/partner-inquiry.json', import.meta.url),
  'utf8',
);

describe('Kakao limits checked when a guide loads', () => {
  it('accepts the business guide and the partner test guide as they are', () => {
    expect(parseGuide(guideText, 'business-inquiry.json').ok).toBe(true);
    expect(parseGuide(partnerText, 'partner-inquiry.json').ok).toBe(true);
  });

  it('refuses a chat sentence over 1,000 characters and a button label over 14, with file and line', () => {
    const long = '가'.repeat(1001);
    const broken = guideText
      .replace('"비즈니스 서비스 이용 및 가입 문의가 맞으실까요?",', `"${long}",`)
      .replace('"chatLabel": "기업 상품·본사 연결",\n', '');
    const result = parseGuide(broken, 'business-inquiry.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = broken.split('\n');
    const textError = result.errors.find((error) => error.message.includes('1000자'));
    expect(textError?.pointer).toMatch(/^\/scripts\/3\/nodes\/0\/lines$/);
    expect(lines[(textError?.line ?? 1) - 1]).toContain('"lines"');
    const labelError = result.errors.find((error) => error.message.includes('14자'));
    expect(labelError?.pointer).toBe('/inquiryTypes/6/label');
    expect(lines[(labelError?.line ?? 1) - 1]).toContain('기업 상품 이용·본사 담당자 연결');
  });

  it('does not check a guide without the chat channel, nor a call-only script', () => {
    const guide = JSON.parse(partnerText);
    guide.scripts[0].channels = ['call'];
    guide.scripts[0].nodes[0].lines = ['나'.repeat(1200)];
    guide.inquiryTypes[0].label = '아주 긴 유형 이름이 열네 글자를 넘습니다';
    expect(parseGuide(JSON.stringify(guide, null, 2), 'partner-inquiry.json').ok).toBe(true);
  });
});
