import { describe, expect, it } from 'vitest';
import type { Guide } from '../guide/guideSchema.ts';
import { consentNoticeFor } from './consentNoticeFor.ts';

const notice: Guide['consentNotice'] = {
  id: 'n',
  version: '1',
  text: '개인정보 수집이 필요합니다.\n\n동의하신다면 [업체명/담당자/연락처/이메일주소] 말씀 부탁드립니다.',
  purpose: '상담',
  items: ['업체명', '담당자', '연락처', '이메일주소'],
  retention: { years: 3, basis: '법' },
  rightToRefuse: '거부',
};

describe('consentNoticeFor', () => {
  it('names only the items collected, in the notice order, the rest of the text unchanged', () => {
    expect(consentNoticeFor(notice, ['연락처'])).toBe(
      '개인정보 수집이 필요합니다.\n\n동의하신다면 [연락처] 말씀 부탁드립니다.',
    );
    expect(consentNoticeFor(notice, ['이메일주소', '업체명'])).toContain('[업체명/이메일주소]');
  });

  it('is the notice as written for all its items, or for none it names', () => {
    expect(consentNoticeFor(notice, notice.items)).toBe(notice.text);
    expect(consentNoticeFor(notice, ['주민등록번호'])).toBe(notice.text);
  });
});
