import { maskEmail } from './maskEmail.ts';
import { maskPhone } from './maskPhone.ts';
import { normalizeKoreanPhone } from './normalizeKoreanPhone.ts';

// Emails come first in the alternation so digits inside an address are not taken for a phone number.
const EMAIL = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;
// Korean numbers start with 0 (or +82); 15XX/16XX/18XX are business numbers and are left alone anyway.
// The groups are loose on purpose: anything phone-shaped is masked, valid or not. Full-width digits
// and dash variants are matched here rather than by normalising the text, which would alter the body.
// Digits after a decimal point are a fraction (a log's responseTime 33.051552000019), not a number to call.
const D = '[0-9\\uFF10-\\uFF19]';
const SEP = '[\\s.\\-\\u2010-\\u2015\\u2212\\uFF0D\\uFF0E]';
const PHONE = `(?<![0-9\\uFF10-\\uFF19*])(?<![0-9][.\\uFF0E])(?:[+\\uFF0B]82${SEP}?(?:\\(0\\)\\s?)?0?|\\(0|0|\\uFF10)${D}{1,3}\\)?${SEP}?${D}{3,4}${SEP}?${D}{4}(?![0-9\\uFF10-\\uFF19*])`;

/**
 * A fresh global regexp matching an email (group 1) or a phone-shaped number (group 2) in free text;
 * shared with `findContactPoints` so what is masked and what is indexed for lookup are the same spans.
 */
export function personalDataPattern(): RegExp {
  return new RegExp(`(${EMAIL})|(${PHONE})`, 'g');
}

/**
 * Masks phone numbers and email addresses found in free text (a consultation body, a log line) with
 * the same rules as `maskPhone` and `maskEmail`. Korean text around them is kept, so
 * '연락처 010-1234-5678, 메일 abcdef@example.com입니다' → '연락처 010-****-5678, 메일 ab***@example.com입니다'.
 * Business numbers (080 toll-free, 15XX/16XX/18XX) stay as written. Names cannot be recognised in
 * free text: mask them at the field where they are known. Idempotent.
 */
export function maskText(text: string): string {
  return text.replace(personalDataPattern(), (match: string, email: string | undefined) => {
    if (email !== undefined) return maskEmail(match);
    // '고객(010-1234-5678': the parenthesis opens the aside, it is not the area code's '(02)'; keep it.
    if (match.startsWith('(') && !match.includes(')')) return `(${maskPhoneShaped(match.slice(1))}`;
    return maskPhoneShaped(match);
  });
}

/** Masks one phone-shaped span; business numbers (080, 15XX/16XX/18XX) stay as written. */
function maskPhoneShaped(match: string): string {
  const phone = normalizeKoreanPhone(match);
  if (phone.ok && (phone.kind === 'toll-free' || phone.kind === 'representative')) return match;
  return maskPhone(match);
}
