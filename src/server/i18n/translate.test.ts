import { describe, expect, it } from 'vitest';
import { msg } from './localisedText.ts';
import { translate } from './translate.ts';

describe('translate', () => {
  it('fills parameters in the language asked for', () => {
    const text = msg('users.notFound', { id: 'u-1' });
    expect(translate('ko', text)).toBe('사용자를 찾을 수 없습니다: u-1');
    expect(translate('en', text)).toBe('User not found: u-1');
  });

  it('fits a Korean particle to the Hangul word filled in before it, and keeps both forms after Latin', () => {
    expect(translate('ko', msg('validation.stringTooLong', { field: '상담제목', maximum: 300 }))).toBe(
      '상담제목은 300자 이하여야 합니다',
    );
    expect(
      translate('ko', msg('validation.stringTooLong', { field: '문의 내용의 메모', maximum: 300 })),
    ).toBe('문의 내용의 메모는 300자 이하여야 합니다');
    expect(translate('ko', msg('validation.required', { field: 'record.inquiry' }))).toBe(
      'record.inquiry을(를) 입력하세요',
    );
  });

  it('gives an English count the noun that agrees with it, and leaves Korean counting as it is', () => {
    expect(translate('en', msg('validation.tooFewItems', { field: 'eventTypes', minimum: 1 }))).toBe(
      'eventTypes must hold at least 1 item',
    );
    expect(translate('en', msg('validation.tooFewItems', { field: 'eventTypes', minimum: 2 }))).toBe(
      'eventTypes must hold at least 2 items',
    );
    expect(translate('en', msg('firstRun.assignmentInvalid', { count: 1 }))).toBe(
      'The assignees cannot be set (1 problem)',
    );
    expect(translate('en', msg('validation.stringTooLong', { field: 'title', maximum: '1' }))).toBe(
      'title must be at most 1 character long',
    );
    expect(translate('ko', msg('firstRun.assignmentInvalid', { count: 1 }))).toBe(
      '담당자를 지정할 수 없습니다 (문제 1건)',
    );
  });

  it('words each code of a list parameter from the catalogue', () => {
    const text = msg('validation.invalidType', { field: 'title', expected: 'string' });
    expect(translate('ko', text)).toBe('title은(는) 문자열 형식이어야 합니다');
    expect(translate('en', text)).toBe('title must be a string');
  });

  it('words hyphenated codes of a list parameter by their camel-case keys', () => {
    const text = msg('transfers.moveNotAllowed', {
      from: 'received',
      to: 'closed',
      allowed: 'in-progress',
    });
    expect(translate('en', text)).toBe(
      'A transfer cannot go from Received to Closed. Possible next statuses: In progress',
    );
  });

  it('uses the Korean words a contract schema gave, in Korean only', () => {
    const text = {
      ...msg('validation.required', { field: 'reason' }),
      wordings: { ko: 'reason(열람 사유)를 입력하세요' },
    };
    expect(translate('ko', text)).toBe('reason(열람 사유)를 입력하세요');
    expect(translate('en', text)).toBe('reason is required');
  });
});
