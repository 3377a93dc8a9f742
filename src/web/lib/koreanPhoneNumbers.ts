import koreanPhoneMetadata from 'virtual:korean-phone-metadata';
import {
  type CountryCode,
  type PhoneNumber,
  parsePhoneNumberFromString as parseWithMetadata,
} from 'libphonenumber-js/core';

export type { NumberType } from 'libphonenumber-js/core';

/**
 * The web build's `libphonenumber-js/max` (vite.config.ts aliases it here): the same parser with
 * the same full metadata, cut to Korea's numbering plan at build time (cutPhoneMetadata). The
 * shared rule normalizeKoreanPhone accepts Korean numbers only, so it answers every input as on
 * the server, and the console does not download 150 KB of other countries' plans.
 */
export function parsePhoneNumberFromString(
  text: string,
  defaultCountry: CountryCode,
): PhoneNumber | undefined {
  return parseWithMetadata(text, defaultCountry, koreanPhoneMetadata);
}
