import { describe, expect, it } from 'vitest';
import { guideFromFile } from '../../../test/factories/guideFromFile.ts';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { type InquiryChoice, listInquiryChoices } from './listInquiryChoices.ts';

const business = shippedGuide();
// Ten types: 1–9 on scripts headed "Q1 …"/"Q3 …", 10 on a chat-only one.
const partner = guideFromFile('test/fixtures/guides/partner-inquiry.json');

const named = (choices: InquiryChoice[]) =>
  choices.map((choice) => `${choice.guide.id}#${choice.type.number}`);

describe('listInquiryChoices with a number typed', () => {
  it("lists each guide's type of that number first, and not the types whose script is headed Q1", () => {
    expect(named(listInquiryChoices([business, partner], 'call', '1'))).toEqual([
      'business-inquiry#1',
      'partner-inquiry#1',
    ]);
    // On a chat the partner guide's type 10 is offered too: after every guide's type 1.
    expect(named(listInquiryChoices([business, partner], 'chat', '1'))).toEqual([
      'business-inquiry#1',
      'partner-inquiry#1',
      'partner-inquiry#10',
    ]);
  });

  it('finds type 10 by its number, and a number no guide has finds nothing', () => {
    expect(named(listInquiryChoices([business, partner], 'chat', '10'))).toEqual(['partner-inquiry#10']);
    expect(named(listInquiryChoices([business, partner], 'chat', ' 6 '))).toEqual([
      'business-inquiry#6',
      'partner-inquiry#6',
    ]);
    expect(listInquiryChoices([business, partner], 'chat', '11')).toEqual([]);
  });

  it('keeps a single guide of ten types picking 1 before 10', () => {
    expect(named(listInquiryChoices([partner], 'chat', '1'))).toEqual([
      'partner-inquiry#1',
      'partner-inquiry#10',
    ]);
  });
});

describe('listInquiryChoices with words typed', () => {
  it('ranks across guides: label matches of every guide before description or script matches', () => {
    // 세금계산서 is partner type 8's label, and only in the customer questions of business script Q1.
    const choices = named(listInquiryChoices([business, partner], 'call', '세금계산서'));
    expect(choices[0]).toBe('partner-inquiry#8');
    expect(choices).toContain('business-inquiry#1');
  });
});

describe('listInquiryChoices with what the caller said', () => {
  it("finds the types whose script lists the caller's question though a word is not the guide's", () => {
    // Q1 (types 1, 4, 5, 9) lists "세금계산서, 교통유발금 서류 발행해 주세요."; 재발행 is nowhere in
    // the guide, 요청 is in the labels of 4 and 5.
    expect(named(listInquiryChoices([business], 'call', '세금계산서 재발행 요청'))).toEqual([
      'business-inquiry#4',
      'business-inquiry#5',
      'business-inquiry#1',
      'business-inquiry#9',
    ]);
    // With both guides: the partner type whose label names 세금계산서 before the business types that
    // only list it, and types found by the common word 요청 alone last.
    expect(named(listInquiryChoices([business, partner], 'call', '세금계산서 재발행 요청'))).toEqual([
      'business-inquiry#4',
      'business-inquiry#5',
      'partner-inquiry#8',
      'business-inquiry#1',
      'business-inquiry#9',
      'partner-inquiry#4',
      'partner-inquiry#7',
    ]);
  });

  it('lists the types matching every word before those missing one', () => {
    // Type 5's label is 교통유발금 서류 요청; Q1's other types list the question, without 요청.
    expect(named(listInquiryChoices([business], 'call', '교통유발금 서류 요청')).slice(0, 4)).toEqual([
      'business-inquiry#5',
      'business-inquiry#4',
      'business-inquiry#1',
      'business-inquiry#9',
    ]);
  });

  it('still finds nothing when no word of two letters or more is in the guide', () => {
    expect(listInquiryChoices([business, partner], 'call', '없는유형')).toEqual([]);
    expect(listInquiryChoices([business, partner], 'call', '환불 x')).toEqual([]);
  });
});
