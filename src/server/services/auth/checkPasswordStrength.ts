import type { ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import { type LocalisedText, msg } from '../../i18n/localisedText.ts';

/** Lowest zxcvbn score accepted: 3 resists ~10^10 guesses offline, far beyond the login lock-out. */
export const MIN_PASSWORD_SCORE = 3;

// Building the matcher loads the dictionaries (common passwords, English words, names): about a
// second, so only on the first password checked, not at every start — and the modules themselves
// (1.7 MB of word lists) are loaded then too, not with the server.
let factory: Promise<ZxcvbnFactory> | null = null;
function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [core, commonPackage, englishPackage] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new core.ZxcvbnFactory({
      dictionary: { ...commonPackage.dictionary, ...englishPackage.dictionary },
      graphs: commonPackage.adjacencyGraphs,
      translations: englishPackage.translations,
    });
  })();
  return factory;
}

// Reasons per pattern zxcvbn found, as codes of users.passwordReasons.* (the library's own
// feedback is English only).
function reasonsOf(result: ZxcvbnResult, personal: readonly string[]): string[] {
  const reasons = new Set<string>();
  for (const match of result.sequence) {
    if (match.pattern === 'dictionary') {
      if (match.dictionaryName === 'userInputs' || personal.some((word) => match.matchedWord === word))
        reasons.add('personal');
      else if (String(match.dictionaryName).startsWith('passwords')) reasons.add('common');
      else reasons.add('dictionary');
    } else if (match.pattern === 'repeat') reasons.add('repeat');
    else if (match.pattern === 'sequence') reasons.add('sequence');
    else if (match.pattern === 'spatial') reasons.add('spatial');
    else if (match.pattern === 'date') reasons.add('date');
  }
  return [...reasons];
}

/**
 * Judges a new password with zxcvbn (common passwords, words, names, keyboard walks, repeats,
 * sequences, dates), counting the account's own e-mail and name against it. Returns the
 * message saying why it is refused, or null when it is strong enough. Length alone let
 * `1234567890` and ten spaces through.
 */
export async function checkPasswordStrength(
  password: string,
  userInputs: readonly string[],
): Promise<LocalisedText | null> {
  const personal = userInputs
    .flatMap((input) => [input, ...input.toLowerCase().split(/[@.\s_-]+/)])
    .filter((word) => word.length >= 3);
  const result = (await estimator()).check(password, personal);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reasons = reasonsOf(
    result,
    personal.map((word) => word.toLowerCase()),
  );
  return reasons.length
    ? msg('users.weakPasswordBecause', { reasons: reasons.join(',') })
    : msg('users.weakPassword');
}
