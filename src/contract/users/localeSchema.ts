import { z } from 'zod';

/** The UI languages: Korean (the default) and English. */
export const locales = ['ko', 'en'] as const;

/** A UI language on the wire (`ko` | `en`). */
export const localeSchema = z.enum(locales, { message: `언어는 ${locales.join(', ')} 중 하나입니다` });

/** One UI language. */
export type Locale = z.output<typeof localeSchema>;
