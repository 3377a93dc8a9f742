import { describe, expect, it } from 'vitest';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { callbackConsentReading } from './callbackConsentReading.ts';
import { consentReading } from './consentReading.ts';

const guide = shippedGuide();
const notice = guide.consentNotice;

describe('consentReading', () => {
  it('reads the whole notice under its own id', () => {
    expect(consentReading(notice)).toEqual({
      noticeId: 'business-consultation-consent',
      noticeVersion: '1',
      items: ['업체명', '담당자', '연락처', '이메일주소'],
      text: notice.text,
    });
    expect(consentReading(notice, notice.items).noticeId).toBe(notice.id);
  });

  it('narrowed, names the items in the text and the id, in the notice order', () => {
    const reading = consentReading(notice, ['이메일주소', '연락처']);
    expect(reading.noticeId).toBe('business-consultation-consent[연락처/이메일주소]');
    expect(reading.items).toEqual(['연락처', '이메일주소']);
    expect(reading.text).toContain('동의하신다면 [연락처/이메일주소] 말씀 부탁드립니다.');
    expect(consentReading(notice, ['주민등록번호'])).toEqual(consentReading(notice));
  });

  it('for a callback number, the notice naming [연락처]', () => {
    const reading = callbackConsentReading(guide);
    expect(reading.noticeId).toBe('business-consultation-consent[연락처]');
    expect(reading.items).toEqual(['연락처']);
    expect(reading.text).toContain('소비자보호에 관한 법률에 따라 3년간 보관됩니다.');
    expect(reading.text).toContain('동의하신다면 [연락처] 말씀 부탁드립니다.');
  });
});
