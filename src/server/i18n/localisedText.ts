import type { Locale } from './locale.ts';
import { type ServerMessageKey, serverMessages } from './serverMessages.ts';

/** A placeholder's name without its list prefix (`{reasons:users.passwordReasons}` → 'reasons'). */
type PlaceholderName<Placeholder extends string> = Placeholder extends `${infer Name}:${string}`
  ? Name
  : Placeholder;

/** The `{name}` placeholders of a template, as a union of names. */
type PlaceholdersOf<Template extends string> = Template extends `${string}{${infer Placeholder}}${infer Rest}`
  ? PlaceholderName<Placeholder> | PlaceholdersOf<Rest>
  : never;

/** A parameter value: shown as it is in every language (ids, numbers, field paths, lists). */
export type MessageParamValue = string | number;

/** The parameters a message needs, by name. */
export type MessageParams<Key extends ServerMessageKey> = Record<
  PlaceholdersOf<(typeof serverMessages)[Key]['ko']>,
  MessageParamValue
>;

/**
 * A message the server has not yet put into words: a catalogue key and its parameters. It is
 * rendered in the request's language only when the answer is written, and sent along as
 * `messageKey`/`params` so clients can word it themselves.
 */
export type LocalisedText = {
  readonly key: ServerMessageKey;
  readonly params: Readonly<Record<string, MessageParamValue>>;
  /**
   * Words given elsewhere for some languages, used instead of the catalogue's: the Korean message a
   * contract schema words itself, or both languages of a domain function that words its own.
   */
  readonly wordings?: Readonly<Partial<Record<Locale, string>>>;
};

/** Whether a string is a key of the server's message catalogue. */
export function isServerMessageKey(key: string): key is ServerMessageKey {
  return Object.hasOwn(serverMessages, key);
}

/** Builds a LocalisedText; the compiler checks the key and that every placeholder has a value. */
export function msg<Key extends ServerMessageKey>(
  key: Key,
  ...params: [PlaceholdersOf<(typeof serverMessages)[Key]['ko']>] extends [never] ? [] : [MessageParams<Key>]
): LocalisedText {
  return { key, params: params[0] ?? {} };
}

/** Whether a value is a LocalisedText (rather than a ready Korean string). */
export function isLocalisedText(value: unknown): value is LocalisedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    'key' in value &&
    typeof value.key === 'string' &&
    isServerMessageKey(value.key)
  );
}
