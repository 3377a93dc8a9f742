import { describe, expect, it } from 'vitest';
import { catalogue, catalogueAreas } from './catalogue.ts';
import { detectBrowserLocale } from './detectBrowserLocale.ts';
import { seoulFormatters } from './seoulFormatters.ts';
import { translate } from './translate.ts';

describe('translate', () => {
  it('answers the message of the language, Korean by default', () => {
    expect(translate('ko', 'common.logout')).toBe('로그아웃');
    expect(translate('en', 'common.logout')).toBe('Sign out');
  });

  it('fills placeholders, formatting numbers for the language', () => {
    expect(translate('en', 'common.requestFailed', { status: 503 })).toBe(
      'The request could not be processed (HTTP 503)',
    );
    expect(translate('ko', 'common.unexpectedResponse', { path: '/api/v1/x' })).toBe(
      '서버 응답 형식이 예상과 다릅니다 (/api/v1/x)',
    );
    expect(translate('en', 'common.languageSaveFailed', {})).toBe(
      'The language could not be saved: {message}',
    );
  });
});

describe('the catalogue', () => {
  it('has the same keys in every language and no area twice', () => {
    expect([...catalogue.en.keys()].sort()).toEqual([...catalogue.ko.keys()].sort());
    expect(new Set(catalogueAreas).size).toBe(catalogueAreas.length);
  });

  it('has a non-empty message under every key, each key in its own area', () => {
    for (const [key, message] of catalogue.ko) {
      expect(catalogueAreas).toContain(key.split('.')[0]);
      expect(typeof message === 'function' || message.trim().length > 0, key).toBe(true);
    }
    for (const [key, message] of catalogue.en) {
      expect(typeof message === 'function' || message.trim().length > 0, key).toBe(true);
    }
  });
});

describe('detectBrowserLocale', () => {
  it('takes the first language ieum speaks, Korean otherwise', () => {
    expect(detectBrowserLocale(['en-GB', 'ko'])).toBe('en');
    expect(detectBrowserLocale(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectBrowserLocale(['fr-FR', 'en'])).toBe('en');
    expect(detectBrowserLocale(['ja-JP'])).toBe('ko');
    expect(detectBrowserLocale([])).toBe('ko');
  });
});

describe('seoulFormatters', () => {
  it('formats instants in Asia/Seoul for each language', () => {
    const iso = '2026-11-26T00:05:00Z'; // 09:05 in Seoul, a Thursday
    expect(seoulFormatters('ko').time(iso)).toBe('09:05');
    expect(seoulFormatters('ko').dateTime(iso)).toBe('11월 26일 (목) 09:05');
    expect(seoulFormatters('en').dateTime(iso)).toBe('Thu, Nov 26, 09:05');
    expect(seoulFormatters('en').number(1234567)).toBe('1,234,567');
    expect(seoulFormatters('en').compact(iso, new Date('2026-11-27T03:00:00Z'))).toBe('11/26 09:05');
    expect(seoulFormatters('ko').compact(iso, new Date('2026-11-26T03:00:00Z'))).toBe('09:05');
  });
});
