import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPhone } from './maskPhone.ts';

describe('maskPhone', () => {
  it.each([
    ['010-1234-5678', '010-****-5678'],
    ['01012345678', '010-****-5678'],
    ['+82 10 1234 5678', '010-****-5678'],
    ['０１０－１２３４－５６７８', '010-****-5678'],
    ['02-123-4567', '02-***-4567'],
    ['02-1234-5678', '02-****-5678'],
    ['031-123-4567', '031-***-4567'],
    ['070-1234-5678', '070-****-5678'],
    ['0505-123-4567', '0505-***-4567'],
    ['0504-1234-5678', '0504-****-5678'],
  ])('masks the middle group: %j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });

  it('keeps business numbers (representative and toll-free) readable', () => {
    expect(maskPhone('1644-7391')).toBe('1644-7391');
    expect(maskPhone('15881234')).toBe('1588-1234');
    expect(maskPhone('080-123-4567')).toBe('080-123-4567');
  });

  it('masks an invalid number digit by digit instead of passing it through', () => {
    expect(maskPhone('0130-123-4567')).toBe('****-***-4567');
    expect(maskPhone('+1 212 555 1234')).toBe('+* *** *** 1234');
    expect(maskPhone('12-34')).toBe('**-**');
  });

  // Valid personal numbers in every common typing style.
  const mobile = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 9999 }));
  const styles = [
    (m: number, l: string) => `010-${m}-${l}`,
    (m: number, l: string) => `010${m}${l}`,
    (m: number, l: string) => `+82 10 ${m} ${l}`,
    (m: number, l: string) => `010 ${m} ${l}`,
  ];
  const typed = fc
    .tuple(mobile, fc.integer({ min: 0, max: styles.length - 1 }))
    .map(([[middle, last], style]) => {
      const lastText = String(last).padStart(4, '0');
      return {
        text: (styles[style] ?? styles[0])?.(middle, lastText) ?? '',
        digits: `010${middle}${lastText}`,
        middle,
        lastText,
      };
    });

  it('property: neither the clear number nor its middle group appears in the output', () => {
    fc.assert(
      fc.property(typed, ({ text, digits, middle, lastText }) => {
        const masked = maskPhone(text);
        expect(masked).toBe(`010-****-${lastText}`);
        expect(masked.replace(/\D/g, '').includes(digits)).toBe(false);
        expect(masked.split('-')[1]).not.toContain(String(middle).slice(0, 1));
      }),
    );
  });

  it('property: one number, one masked form, whatever way it was typed', () => {
    fc.assert(
      fc.property(mobile, ([middle, last]) => {
        const lastText = String(last).padStart(4, '0');
        const forms = styles.map((style) => maskPhone(style(middle, lastText)));
        expect(new Set(forms).size).toBe(1);
      }),
    );
  });

  it('property: idempotent, also for arbitrary text', () => {
    fc.assert(
      fc.property(typed, ({ text }) => {
        expect(maskPhone(maskPhone(text))).toBe(maskPhone(text));
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(maskPhone(maskPhone(text))).toBe(maskPhone(text));
      }),
    );
  });
});
