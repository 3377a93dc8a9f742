import type { Locale } from './locale.ts';
import { isServerMessageKey, type LocalisedText } from './localisedText.ts';
import { serverMessages } from './serverMessages.ts';

const HANGUL_SYLLABLE = /([\uac00-\ud7a3])(은\(는\)|이\(가\)|을\(를\)|과\(와\))/g;

/** The particle that fits a Hangul syllable: the first form after a final consonant, else the second. */
function pickParticle(_match: string, syllable: string, particles: string): string {
  const hasFinalConsonant = (syllable.charCodeAt(0) - 0xac00) % 28 !== 0;
  const [withConsonant, withVowel] = particles.replace(')', '').split('(');
  return syllable + (hasFinalConsonant ? withConsonant : withVowel);
}

/** A placeholder: `{name}`, or `{name:area.prefix}` for a comma-separated list of codes worded by the catalogue. */
const PLACEHOLDER = /\{(\w+)(?::([\w.]+))?\}/g;

/**
 * A count with its noun: `{count#problem|problems}` is '1 problem', '3 problems'. English needs it
 * wherever a limit or a tally is filled in; Korean counts with a counter word and has no plural.
 */
const COUNTED = /\{(\w+)#([^{}|]+)\|([^{}|]+)\}/g;

/**
 * One code of a list parameter in words: the catalogue's `prefix.code`, or the code itself. Keys
 * have no hyphens, so a hyphenated code ('in-progress') is looked up in camel case ('inProgress')
 * while the parameter keeps the code clients know.
 */
function wordCode(locale: Locale, prefix: string, code: string): string {
  const key = `${prefix}.${code.replace(/-(\w)/g, (_hyphen, letter: string) => letter.toUpperCase())}`;
  return isServerMessageKey(key) ? serverMessages[key][locale] : code;
}

/**
 * A message in one language with its parameters filled in. A counted placeholder
 * (`{count#problem|problems}`) gives the number with the noun that agrees with it. A list placeholder
 * (`{reasons:users.passwordReasons}`) takes codes ('common,sequence') and words each one from the
 * catalogue, so parameters stay the same in every language. In Korean a "은(는)"-style particle
 * after a filled-in Hangul word becomes the one form that fits it ('상담은', '리드는'); after
 * digits or Latin letters both forms stay, as Korean writing does.
 */
export function translate(locale: Locale, text: LocalisedText): string {
  const given = text.wordings?.[locale];
  if (given !== undefined) return given;
  const template = serverMessages[text.key][locale].replace(
    COUNTED,
    (whole, name: string, one: string, many: string) => {
      const value = text.params[name];
      if (value === undefined) return whole;
      return `${value} ${Number(value) === 1 ? one : many}`;
    },
  );
  const filled = template.replace(PLACEHOLDER, (whole, name: string, prefix: string | undefined) => {
    const value = text.params[name];
    if (value === undefined) return whole;
    if (prefix === undefined) return String(value);
    const codes = String(value)
      .split(',')
      .filter((code) => code !== '');
    return codes.map((code) => wordCode(locale, prefix, code)).join(', ');
  });
  return locale === 'ko' ? filled.replace(HANGUL_SYLLABLE, pickParticle) : filled;
}
