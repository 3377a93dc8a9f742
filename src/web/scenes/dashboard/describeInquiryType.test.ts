import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../../test/factories/shippedGuide.ts';
import { describeInquiryType } from './describeInquiryType.ts';

describe('describeInquiryType', () => {
  const guides = [shippedGuide()];
  it("names the type with its guide's label, and falls back to the number or a dash", () => {
    expect(describeInquiryType(guides, 'business-inquiry', 1)).toBe('1. 관리자 기능 문의');
    expect(describeInquiryType(guides, 'business-inquiry', 42)).toBe('42');
    expect(describeInquiryType(undefined, 'business-inquiry', 1)).toBe('1');
    expect(describeInquiryType(guides, 'business-inquiry', null)).toBe('–');
  });
});
