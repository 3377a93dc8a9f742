import type { CountryCode, MetadataJson } from 'libphonenumber-js/core';

/**
 * libphonenumber's metadata reduced to the numbering plans of `countries` (with their calling
 * codes), for the web build. Every other country's plan is left out: a number of another country
 * then fails to parse, where the full metadata parses it and the caller refuses it for not being
 * Korean — the same answer, without the browser downloading every country's phone plan.
 */
export function cutPhoneMetadata(full: MetadataJson, countries: readonly CountryCode[]): MetadataJson {
  const kept = new Set<string>(countries);
  const callingCodes: MetadataJson['country_calling_codes'] = {};
  for (const [callingCode, codeCountries] of Object.entries(full.country_calling_codes)) {
    const shared = codeCountries.filter((country) => kept.has(country));
    // A calling code shared with a left-out country keeps only the kept ones (KR's 82 is its own).
    if (shared.length > 0) callingCodes[callingCode] = shared;
  }
  const plans: MetadataJson['countries'] = {};
  for (const country of countries) {
    const plan = full.countries[country];
    if (!plan) throw new Error(`libphonenumber's metadata has no numbering plan for ${country}`);
    plans[country] = plan;
  }
  return { version: full.version, country_calling_codes: callingCodes, countries: plans, nonGeographic: {} };
}
