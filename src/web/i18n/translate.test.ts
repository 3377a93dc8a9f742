import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seoulFormatters } from '../../domain/calendar/seoulFormatters.ts';
import { addMessages, catalogue } from './catalogue.ts';
import type { AreaMessages } from './defineMessages.ts';
import { detectBrowserLocale } from './detectBrowserLocale.ts';
import { translate } from './translate.ts';

/** Every area of the web app: each file of i18n/messages exports one. */
const messagesDirectory = path.join(import.meta.dirname, 'messages');
const areas: AreaMessages<string>[] = [];
for (const file of readdirSync(messagesDirectory)) {
  const module: Record<string, unknown> = await import(path.join(messagesDirectory, file));
  areas.push(...Object.values(module).filter(isAreaMessages));
}

function isAreaMessages(value: unknown): value is AreaMessages<string> {
  return typeof value === 'object' && value !== null && 'area' in value && 'ko' in value && 'en' in value;
}

describe('translate', () => {
  it('has every area once the test setup added them all; adding one again changes nothing', () => {
    const size = catalogue.ko.size;
    addMessages(...areas);
    expect(catalogue.ko.size).toBe(size);
    expect(translate('ko', 'common.logout')).toBe('로그아웃');
  });

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

  it('fits the Korean object particle to the last field a transfer still needs', () => {
    expect(translate('ko', 'transfers.filing.missing', { fields: '연락처' })).toBe(
      '이관하려면 상담이력에 연락처를 입력하세요.',
    );
    expect(translate('ko', 'transfers.filing.missing', { fields: '연락처, 문의 내용' })).toBe(
      '이관하려면 상담이력에 연락처, 문의 내용을 입력하세요.',
    );
    expect(translate('en', 'transfers.filing.missing', { fields: 'a phone number' })).toBe(
      'To transfer, enter a phone number in the record.',
    );
  });
});

describe('the catalogue', () => {
  it('has the same keys in every language and no area twice', () => {
    const names = areas.map((area) => area.area);
    expect(names).toContain('common');
    expect(new Set(names).size).toBe(names.length);
    for (const area of areas) expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.ko).sort());
    expect([...catalogue.en.keys()].sort()).toEqual([...catalogue.ko.keys()].sort());
  });

  it('has a non-empty message under every key, each key in its own area', () => {
    for (const [key, message] of catalogue.ko) {
      expect(areas.map((area) => area.area)).toContain(key.split('.')[0]);
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
