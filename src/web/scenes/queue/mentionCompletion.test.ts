import { describe, expect, it } from 'vitest';
import type { MentionCandidateView } from '../../../contract/transfers/mentionCandidateListSchema.ts';
import { applyMentionCompletion } from './applyMentionCompletion.ts';
import { readMentionCompletion } from './readMentionCompletion.ts';

const person = (id: string, name: string, handle: string): MentionCandidateView => ({
  id: `00000000-0000-4000-8000-00000000000${id}`,
  name,
  handle,
  role: 'backoffice',
});
const people = [
  person('1', '이비즈', 'lee.biz'),
  person('2', '박비즈', 'park'),
  person('3', '이관리', 'admin'),
  person('4', '김상담', 'kim'),
];
const names = (text: string, caret = text.length) =>
  readMentionCompletion(text, caret, people)?.options.map((option) => option.name) ?? null;

describe('readMentionCompletion', () => {
  it('opens on a bare @ with everyone, by name', () => {
    expect(names('확인 부탁 @')).toEqual(['김상담', '박비즈', '이관리', '이비즈']);
  });

  it('narrows by the name typed so far, half-composed syllables and 초성 included', () => {
    expect(names('@이비')).toEqual(['이비즈']);
    expect(names('@이')).toEqual(['이관리', '이비즈']);
    // 입 is what the keyboard shows on the way to 이비: its jamo start the name.
    expect(names('@입')).toEqual(['이비즈']);
    expect(names('@ㅂㅂ')).toEqual(['박비즈']);
    // The handle, and the name anywhere after the names that start with it.
    expect(names('@PARK')).toEqual(['박비즈']);
    expect(names('@비즈')).toEqual(['박비즈', '이비즈']);
  });

  it('is closed outside a mention, inside an e-mail address, after a space, or when nobody matches', () => {
    expect(readMentionCompletion('안녕하세요', 5, people)).toBeNull();
    expect(readMentionCompletion('kim@ieum', 8, people)).toBeNull();
    expect(readMentionCompletion('@이비즈 확인', 8, people)).toBeNull();
    expect(readMentionCompletion('@없는사람', 5, people)).toBeNull();
  });

  it('knows where the typed word ends when the caret is inside it', () => {
    const text = '@이비즈님 확인';
    expect(readMentionCompletion(text, 3, people)).toMatchObject({ start: 0, end: 5, query: '이비' });
  });
});

describe('applyMentionCompletion', () => {
  it('puts "@name " in place of the typed word and the caret after it', () => {
    const text = '확인 @이비 부탁';
    const completion = readMentionCompletion(text, 6, people);
    if (!completion) throw new Error('no completion');
    expect(applyMentionCompletion(text, completion, { name: '이비즈' })).toEqual({
      text: '확인 @이비즈 부탁',
      caret: 8,
    });
    expect(applyMentionCompletion('@', { start: 0, end: 1 }, { name: '박비즈' })).toEqual({
      text: '@박비즈 ',
      caret: 5,
    });
  });
});
