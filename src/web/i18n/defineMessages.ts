/** Values a message may interpolate: `{name}` in the text is replaced by `params.name`. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * One message: text with `{name}` placeholders (numbers are formatted for the language), or a
 * function of the parameters where the wording depends on them (English plurals, word order).
 */
export type Message = string | ((params: MessageParams) => string);

/** One area's catalogue: the Korean messages and the English ones, under the same keys. */
export type AreaMessages<K extends string> = {
  readonly area: string;
  readonly ko: Readonly<Record<K, Message>>;
  readonly en: Readonly<Record<K, Message>>;
};

/**
 * Declares an area's messages (`src/web/i18n/messages/<area>.ts`). Every key starts with the
 * area's name and a dot, so two areas can never define the same key; `en` must have exactly the
 * keys of `ko` — a missing or an extra English key is a compile error.
 */
export function defineMessages<const A extends string, K extends `${A}.${string}`>(
  area: A,
  messages: { ko: Record<K, Message>; en: Record<NoInfer<K>, Message> },
): AreaMessages<K> {
  return { area, ko: messages.ko, en: messages.en };
}
