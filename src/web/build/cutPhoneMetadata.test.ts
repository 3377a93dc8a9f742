import { type PhoneNumber, parsePhoneNumberFromString as parseWithMetadata } from 'libphonenumber-js/core';
import { parsePhoneNumberFromString as parseWithFullMetadata } from 'libphonenumber-js/max';
import fullMetadata from 'libphonenumber-js/metadata.max.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { cutPhoneMetadata } from './cutPhoneMetadata.ts';

const koreanOnly = cutPhoneMetadata(fullMetadata, ['KR']);

/** What normalizeKoreanPhone reads of a parse: a Korean number's facts, or a refusal. */
function koreanAnswer(parsed: PhoneNumber | undefined) {
  if (parsed === undefined || parsed.country !== 'KR') return 'refused';
  return {
    national: parsed.nationalNumber,
    valid: parsed.isValid(),
    type: parsed.getType(),
    formatted: parsed.formatNational(),
  };
}

// Every form the domain tests use, plus other countries' and non-geographic numbers.
const inputs = [
  '010-1234-5678',
  '01012345678',
  '+82 10 1234 5678',
  '+821059701000',
  '010-5970-1000',
  '(02) 123-4567',
  '02-1234-5678',
  '031-123-4567',
  '064-712-3456',
  '070-1234-5678',
  '0504-1234-5678',
  '0505-123-4567',
  '060-700-1234',
  '080-123-4567',
  '0130-123-4567',
  '1588-1234',
  '1644-7391',
  '1800-1234',
  '+8216447391',
  '+82801234567',
  '010-1234',
  '0101234567',
  '00182 10 1234 5678',
  '+1 212 555 1234',
  '+44 20 7946 0958',
  '+81 3-1234-5678',
  '+800 1234 5678',
  '+850 2 123 4567',
  '1 212 555 1234',
  '12',
  '',
];

describe('cutPhoneMetadata', () => {
  it('keeps Korea alone: its plan and its calling code', () => {
    expect(Object.keys(koreanOnly.countries)).toEqual(['KR']);
    expect(koreanOnly.country_calling_codes).toEqual({ '82': ['KR'] });
    expect(koreanOnly.countries.KR).toEqual(fullMetadata.countries.KR);
    expect(JSON.stringify(koreanOnly).length).toBeLessThan(JSON.stringify(fullMetadata).length / 50);
  });

  it.each(inputs)('answers %j as the full metadata does for a Korean-only rule', (input) => {
    expect(koreanAnswer(parseWithMetadata(input, 'KR', koreanOnly))).toEqual(
      koreanAnswer(parseWithFullMetadata(input, 'KR')),
    );
  });

  it('refuses metadata without the country asked for', () => {
    expect(() => cutPhoneMetadata({ ...fullMetadata, countries: {} }, ['KR'])).toThrow(/KR/);
  });
});
