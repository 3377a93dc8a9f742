import { describe, expect, it } from 'vitest';
import { negotiateLocale } from './negotiateLocale.ts';

describe('negotiateLocale', () => {
  it('answers in Korean without a header or for languages it does not speak', () => {
    expect(negotiateLocale(undefined)).toBe('ko');
    expect(negotiateLocale('')).toBe('ko');
    expect(negotiateLocale('fr-FR, de;q=0.8')).toBe('ko');
    expect(negotiateLocale('garbage;;;')).toBe('ko');
  });

  it('matches regional variants to their language', () => {
    expect(negotiateLocale('en-US')).toBe('en');
    expect(negotiateLocale('EN-gb,fr;q=0.5')).toBe('en');
    expect(negotiateLocale('ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ko');
  });

  it('honours q-values, not only the order', () => {
    expect(negotiateLocale('ko;q=0.5, en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr, en;q=0.4, ko;q=0.3')).toBe('en');
    expect(negotiateLocale('en;q=0.8, ko;q=0.8')).toBe('en');
    expect(negotiateLocale('de, ko;q=0.2, en;q=0.1')).toBe('ko');
  });

  it('never picks a language the caller refuses with q=0, and reads * as any other', () => {
    expect(negotiateLocale('ko;q=0, en;q=0.1')).toBe('en');
    expect(negotiateLocale('en;q=0')).toBe('ko');
    expect(negotiateLocale('ko;q=0, *')).toBe('en');
    expect(negotiateLocale('*')).toBe('ko');
    expect(negotiateLocale('en;q=abc')).toBe('ko');
  });

  it('reads a header sent several times as one list', () => {
    expect(negotiateLocale(['fr', 'en;q=0.5'])).toBe('en');
  });
});
