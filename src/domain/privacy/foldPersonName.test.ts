import { describe, expect, it } from 'vitest';
import { foldPersonName } from './foldPersonName.ts';

describe('foldPersonName', () => {
  it('ignores spacing and case', () => {
    expect(foldPersonName(' 김 민수 ')).toEqual({ name: '김민수', choseong: 'ㄱㅁㅅ' });
    expect(foldPersonName('Alex KIM')).toEqual({ name: 'alexkim', choseong: 'alexkim' });
  });

  it('folds decomposed Hangul like composed Hangul', () => {
    expect(foldPersonName('김민수'.normalize('NFD'))).toEqual(foldPersonName('김민수'));
  });

  it('keeps a 초성 query as its own 초성', () => {
    expect(foldPersonName('ㄱㅁㅅ').choseong).toBe('ㄱㅁㅅ');
  });
});
