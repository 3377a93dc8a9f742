import { type Locale, supportedLocales } from './locale.ts';

/** A language range of Accept-Language (RFC 9110 §12.5.4) with its weight. */
type LanguageRange = { range: string; weight: number; order: number };

function parseAcceptLanguage(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  header.split(',').forEach((part, order) => {
    const [rawRange, ...parameters] = part.split(';');
    const range = rawRange?.trim().toLowerCase() ?? '';
    if (!/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(range)) return;
    let weight = 1;
    for (const parameter of parameters) {
      const [name, value] = parameter.split('=').map((piece) => piece.trim().toLowerCase());
      if (name !== 'q') continue;
      // A malformed weight makes the range meaningless; q=0 means "not acceptable".
      weight = value !== undefined && /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : -1;
    }
    if (weight > 0) ranges.push({ range, weight, order });
  });
  // Highest weight first; equal weights keep the caller's order.
  return ranges.sort((a, b) => b.weight - a.weight || a.order - b.order);
}

/**
 * The API language for a request's Accept-Language header: the supported language the caller
 * weights highest ('en-US' and 'en' both mean English, q-values honoured, q=0 excludes), Korean
 * when the header is absent or names nothing we speak.
 */
export function negotiateLocale(header: string | string[] | undefined): Locale {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return 'ko';
  const excluded = new Set<string>();
  for (const part of value.split(',')) {
    const [range, ...parameters] = part.split(';');
    if (parameters.some((parameter) => /^\s*q\s*=\s*0(\.0{0,3})?\s*$/i.test(parameter)))
      excluded.add(range?.trim().toLowerCase() ?? '');
  }
  for (const { range } of parseAcceptLanguage(value)) {
    if (range === '*') return supportedLocales.find((locale) => !excluded.has(locale)) ?? 'ko';
    const primary = range.split('-')[0];
    const match = supportedLocales.find((locale) => locale === primary);
    if (match) return match;
  }
  return 'ko';
}
