import { describe, expect, it } from 'vitest';
import { supportedLocales } from './locale.ts';
import { isServerMessageKey } from './localisedText.ts';
import { serverMessages } from './serverMessages.ts';

/**
 * A template's placeholders as written ('{field}', '{reasons:users.passwordReasons}'), sorted; a
 * counted one ('{count#problem|problems}', English only) by its name, as Korean writes it ('{count}').
 */
function placeholders(template: string): string[] {
  return [...template.replace(/\{(\w+)#[^{}|]+\|[^{}|]+\}/g, '{$1}').matchAll(/\{(\w+(?::[\w.]+)?)\}/g)]
    .map((match) => match[1] ?? '')
    .sort();
}

describe('the server message catalogue', () => {
  const entries = Object.entries(serverMessages);

  it('has Korean and English words for every key', () => {
    expect(entries.length).toBeGreaterThan(50);
    for (const [key, templates] of entries) {
      for (const locale of supportedLocales)
        expect(templates[locale].trim(), `${key} ${locale}`).not.toBe('');
    }
  });

  it('uses the same parameters in both languages', () => {
    for (const [key, templates] of entries)
      expect(placeholders(templates.en), key).toEqual(placeholders(templates.ko));
  });

  it('names only list prefixes that have words in the catalogue', () => {
    for (const [key, templates] of entries) {
      for (const placeholder of placeholders(templates.ko)) {
        const prefix = placeholder.split(':')[1];
        if (prefix === undefined) continue;
        const worded = Object.keys(serverMessages).filter((other) => other.startsWith(`${prefix}.`));
        expect(worded.length, `${key}: ${prefix}`).toBeGreaterThan(0);
      }
    }
  });

  it('keys messages by area', () => {
    for (const [key] of entries) {
      expect(key).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z0-9]+)+$/);
      expect(isServerMessageKey(key)).toBe(true);
    }
    expect(isServerMessageKey('toString')).toBe(false);
  });
});
