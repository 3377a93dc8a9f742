import { describe, expect, it } from 'vitest';
import { resolveMentions } from './resolveMentions.ts';

const people = [
  { id: '1', name: '김민', handle: 'min' },
  { id: '2', name: '김민수', handle: 'minsu' },
  { id: '3', name: 'backoffice 3', handle: 'bo3' },
  { id: '4', name: '이비즈', handle: 'lee.biz' },
];

describe('resolveMentions', () => {
  it('names who is mentioned and nothing unresolved when every @ names someone', () => {
    expect(resolveMentions('@김민수님 확인 부탁드립니다 @김민, cc @backoffice 3 @LEE.BIZ', people)).toEqual({
      mentionedIds: ['2', '1', '3', '4'],
      unresolved: [],
    });
  });

  it('returns an @word that names nobody as typed, once, without a trailing full stop', () => {
    expect(resolveMentions('@없는사람 봐주세요', people)).toEqual({
      mentionedIds: [],
      unresolved: ['없는사람'],
    });
    expect(resolveMentions('@이비 @이비즈 확인, @Nobody. 그리고 @nobody', people)).toEqual({
      mentionedIds: ['4'],
      unresolved: ['이비', 'Nobody'],
    });
    // A longer word is not the shorter name: '@minsux' is nobody, not 김민수.
    expect(resolveMentions('@minsux', people).unresolved).toEqual(['minsux']);
  });

  it('takes no e-mail address, bare @ or @ before punctuation for a mention', () => {
    expect(resolveMentions('메일 min@ieum.test 로 보냄, 10시 @ 회의실, (@)', people)).toEqual({
      mentionedIds: [],
      unresolved: [],
    });
  });

  it('matches whatever the Unicode composition of the typed name', () => {
    const decomposed = '@이비즈'.normalize('NFD');
    expect(resolveMentions(decomposed, people)).toEqual({ mentionedIds: ['4'], unresolved: [] });
  });
});
