import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as commonPackage from '@zxcvbn-ts/language-common';
import * as englishPackage from '@zxcvbn-ts/language-en';

/** Lowest zxcvbn score accepted: 3 resists ~10^10 guesses offline, far beyond the login lock-out. */
export const MIN_PASSWORD_SCORE = 3;

// Building the matcher loads the dictionaries (common passwords, English words, names): about a
// second, so only on the first password checked, not at every start.
let factory: ZxcvbnFactory | null = null;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonPackage.dictionary, ...englishPackage.dictionary },
    graphs: commonPackage.adjacencyGraphs,
    translations: englishPackage.translations,
  });
  return factory;
}

// Korean reasons per pattern zxcvbn found; the library's own feedback is English only.
function reasonsOf(result: ZxcvbnResult, personal: readonly string[]): string[] {
  const reasons = new Set<string>();
  for (const match of result.sequence) {
    if (match.pattern === 'dictionary') {
      if (match.dictionaryName === 'userInputs' || personal.some((word) => match.matchedWord === word))
        reasons.add('이름·이메일이 들어 있습니다');
      else if (String(match.dictionaryName).startsWith('passwords'))
        reasons.add('널리 쓰이는 비밀번호입니다');
      else reasons.add('사전에 있는 단어가 그대로 쓰였습니다');
    } else if (match.pattern === 'repeat') reasons.add('같은 글자나 묶음이 반복됩니다');
    else if (match.pattern === 'sequence') reasons.add('1234, abcd 같은 연속된 문자입니다');
    else if (match.pattern === 'spatial') reasons.add('qwerty 같은 키보드 배열입니다');
    else if (match.pattern === 'date') reasons.add('날짜가 들어 있습니다');
  }
  return [...reasons];
}

/**
 * Judges a new password with zxcvbn (common passwords, words, names, keyboard walks, repeats,
 * sequences, dates), counting the account's own e-mail and name against it. Returns a Korean
 * message saying why it is refused, or null when it is strong enough. Length alone let
 * `1234567890` and ten spaces through.
 */
export function checkPasswordStrength(password: string, userInputs: readonly string[]): string | null {
  const personal = userInputs
    .flatMap((input) => [input, ...input.toLowerCase().split(/[@.\s_-]+/)])
    .filter((word) => word.length >= 3);
  const result = estimator().check(password, personal);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const reasons = reasonsOf(
    result,
    personal.map((word) => word.toLowerCase()),
  );
  const why = reasons.length ? ` (${reasons.join(', ')})` : '';
  return `너무 쉽게 추측되는 비밀번호입니다${why}. 서로 관계없는 단어 서너 개를 이어 쓰면 기억하기 쉽고 안전합니다.`;
}
