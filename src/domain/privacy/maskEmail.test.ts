import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskEmail } from './maskEmail.ts';

describe('maskEmail', () => {
  it.each([
    ['abcdef@example.com', 'ab***@example.com'],
    ['abc@example.com', 'ab***@example.com'],
    ['ab@example.com', 'a***@example.com'],
    ['a@example.com', 'a***@example.com'],
    ['kim.minsu+biz@kakao.corp', 'ki***@kakao.corp'],
    ['  abcdef@example.com ', 'ab***@example.com'],
    ['not-an-email', 'no***'],
    ['"a@b"@example.com', '"a***@example.com'],
  ])('%j → %j', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('hides the length of the local part', () => {
    expect(maskEmail('abcdefghijkl@example.com')).toBe(maskEmail('abc@example.com'));
  });

  const local = fc.stringMatching(/^[a-z0-9._+-]{1,20}$/);
  const domain = fc.stringMatching(/^[a-z0-9-]{1,10}\.(com|net|co\.kr|kr)$/);
  const email = fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`);

  it('property: the clear address never appears in the output, nor its local part (3+ chars) before the domain', () => {
    fc.assert(
      fc.property(email, (clear) => {
        const masked = maskEmail(clear);
        expect(masked.includes(clear)).toBe(false);
        const localPart = clear.slice(0, clear.lastIndexOf('@'));
        // Before the '@' only: the domain is kept as it is and may itself contain the same
        // characters ('---@---a.net').
        const maskedLocal = masked.slice(0, masked.lastIndexOf('@'));
        if (localPart.length >= 3) expect(maskedLocal.includes(localPart)).toBe(false);
      }),
    );
  });

  it('keeps a domain that repeats the local part, and masks the local part', () => {
    expect(maskEmail('---@---a.net')).toBe('--***@---a.net');
  });

  it('property: one input, one masked form; the domain is kept', () => {
    fc.assert(
      fc.property(email, (clear) => {
        expect(maskEmail(clear)).toBe(maskEmail(clear));
        expect(maskEmail(clear).endsWith(clear.slice(clear.lastIndexOf('@')))).toBe(true);
      }),
    );
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(email, (clear) => {
        expect(maskEmail(maskEmail(clear))).toBe(maskEmail(clear));
      }),
    );
  });
});
