import { describe, expect, it } from 'vitest';
import { guideFromFile } from '../../../test/factories/guideFromFile.ts';
import { shippedGuide } from '../../../test/factories/shippedGuide.ts';
import { listInquiryChoices } from './listInquiryChoices.ts';
import { pickByDigit } from './pickByDigit.ts';

const business = shippedGuide();
// Ten types: 1–9 on one script, 10 on a chat-only one.
const partner = guideFromFile('test/fixtures/guides/partner-inquiry.json');

describe('pickByDigit', () => {
  it('picks types 1–9 of a nine-type guide at the first key', () => {
    const choices = listInquiryChoices([business], 'call', '');
    expect(pickByDigit(choices, '1')?.type.number).toBe(1);
    expect(pickByDigit(choices, '9')?.type.number).toBe(9);
    expect(pickByDigit(choices, '0')).toBeNull();
  });

  it("leaves '1' to the search when a type 10 is shown, and still picks 2–9 at once", () => {
    const choices = listInquiryChoices([partner], 'chat', '');
    expect(choices.some((choice) => choice.type.number === 10)).toBe(true);
    expect(pickByDigit(choices, '1')).toBeNull();
    expect(pickByDigit(choices, '2')?.type.number).toBe(2);
    // On a call the chat-only type 10 is not shown: '1' picks type 1 again.
    expect(pickByDigit(listInquiryChoices([partner], 'call', ''), '1')?.type.number).toBe(1);
  });

  it('never picks a type the filter hid', () => {
    const choices = listInquiryChoices([business], 'call', '미수금');
    expect(choices.map((choice) => choice.type.number)).not.toContain(1);
    expect(pickByDigit(choices, '1')).toBeNull();
  });
});
