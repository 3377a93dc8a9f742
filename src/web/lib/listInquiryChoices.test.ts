import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Guide } from '../../domain/guide/guideSchema.ts';
import { parseGuide } from '../../domain/guide/parseGuide.ts';
import { type InquiryChoice, listInquiryChoices } from './listInquiryChoices.ts';

function guideFrom(path: string): Guide {
  const parsed = parseGuide(readFileSync(new URL(path, import.meta.url), 'utf8'), path);
  if (!parsed.ok) throw new Error(`${path} does not parse`);
  return parsed.guide;
}

const business = guideFrom('../../../content/guides/business-inquiry.json');
// Ten types: 1–9 on scripts headed "Q1 …"/"Q3 …", 10 on a chat-only one.
const partner = guideFrom('../../../test/fixtures/guides/partner-inquiry.json');

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
