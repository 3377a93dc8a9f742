/** The languages the API answers in: Korean (the default) and English. */
export const supportedLocales = ['ko', 'en'] as const;

/** One of the API's languages. */
export type Locale = (typeof supportedLocales)[number];
