import { describe, expect, it } from 'vitest';
import { foldCompanyName } from './foldCompanyName.ts';

describe('foldCompanyName', () => {
  it.each(['(주)누리테크', '㈜ 누리테크', '누리테크 주식회사', '누리 테크'])(
    'folds %j to 누리테크',
    (input) => {
      expect(foldCompanyName(input)).toEqual({ name: '누리테크', choseong: 'ㄴㄹㅌㅋ' });
    },
  );

  it('lower-cases Latin names', () => {
    expect(foldCompanyName('ACME Korea').name).toBe('acmekorea');
  });

  it('keeps a query that is only a legal form', () => {
    expect(foldCompanyName('주식회사').name).toBe('주식회사');
  });
});

describe('foldCompanyName on a 초성 query', () => {
  it('keeps compatibility jamo as typed', () => {
    expect(foldCompanyName('ㄴㄹ ㅌㅋ')).toEqual({ name: 'ㄴㄹㅌㅋ', choseong: 'ㄴㄹㅌㅋ' });
  });
});
