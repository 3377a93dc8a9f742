/** One message in both languages; `{name}` placeholders are filled from the message's parameters. */
export type MessageTemplates = { readonly ko: string; readonly en: string };

/** A message catalogue of one area (`<area>.<name>` keys), as src/server/i18n/messages/<area>.ts declares it. */
export type MessageArea = Readonly<Record<string, MessageTemplates>>;
