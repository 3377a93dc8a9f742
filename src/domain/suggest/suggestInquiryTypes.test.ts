import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestInquiryTypes } from './suggestInquiryTypes.ts';
import { suggestionExamplesSchema } from './suggestionExamplesSchema.ts';
import { trainSuggestionModel } from './trainSuggestionModel.ts';

const read = (name: string) =>
  suggestionExamplesSchema.parse(
    JSON.parse(readFileSync(new URL(`../../../content/guides/${name}`, import.meta.url), 'utf8')),
  ).examples;
const model = trainSuggestionModel(read('business-inquiry.examples.json'));

describe('suggestInquiryTypes', () => {
  it('returns at least three types, best first, with scores summing to about 1 over all types', () => {
    const top = suggestInquiryTypes(model, '교통유발금 서류 좀 받을 수 있을까요');
    expect(top).toHaveLength(3);
    expect(top[0]?.inquiryType).toBe(5);
    for (let i = 1; i < top.length; i++) expect(top[i]?.score).toBeLessThanOrEqual(top[i - 1]?.score ?? 1);
    const all = suggestInquiryTypes(model, '교통유발금 서류 좀 받을 수 있을까요', { limit: 9 });
    expect(all.map((s) => s.inquiryType).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(all.reduce((sum, s) => sum + s.score, 0)).toBeCloseTo(1, 6);
  });

  it('never returns fewer than three, even when asked for one or given nothing usable', () => {
    expect(suggestInquiryTypes(model, '미수금', { limit: 1 })).toHaveLength(3);
    expect(suggestInquiryTypes(model, '🙂🙂')).toHaveLength(3);
  });

  it.each([
    ['회사 계정에 미수금이 있다고 호출이 안돼요ㅠㅠ', 2],
    ['비즈니스 가입하려면 어떻게 해요?', 6],
    ['컴퓨터 웹으로 택시 부르는 법', 9],
    ['개인 프로필로 탄 거 이용내역 이메일로 보내주세요', 8],
    ['교통유바금 서류요', 5],
  ])('suggests the right type first for %s', (text, type) => {
    expect(suggestInquiryTypes(model, text)[0]?.inquiryType).toBe(type);
  });

  it('returns distinct known types with scores in [0, 1] for any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const top = suggestInquiryTypes(model, text);
        return (
          top.length === 3 &&
          new Set(top.map((s) => s.inquiryType)).size === 3 &&
          top.every((s) => s.inquiryType >= 1 && s.inquiryType <= 9 && s.score >= 0 && s.score <= 1)
        );
      }),
    );
  });

  it('trains deterministically', () => {
    const again = trainSuggestionModel(read('business-inquiry.examples.json'));
    expect(suggestInquiryTypes(again, '정산 관련 문의')).toEqual(
      suggestInquiryTypes(model, '정산 관련 문의'),
    );
  });
});
