/** One place free text names a known person, as `replaceKnownNames` found it. */
export type KnownNameMatch = {
  /** The span as written (spaces inside kept, case as typed). */
  readonly text: string;
  /** Every letter of the known name, whitespace removed ('김민수', 'AlexKim'). */
  readonly letters: readonly string[];
  /** Index in `letters` where the span starts: 0 for the whole name, 1 or 2 for the given name alone. */
  readonly offset: number;
};

/**
 * Words that follow a given name written without its surname ('민수 님', '민수씨', '민수 과장님께서'):
 * honorifics and the titles a business contact is addressed by. A two-syllable given name alone is too
 * often an ordinary word ('정보', '하나') to be masked wherever it appears; followed by one of these it
 * is a person being addressed.
 */
export const GIVEN_NAME_FOLLOWERS = [
  '님',
  '씨',
  '께',
  '고객',
  '대표',
  '사장',
  '회장',
  '이사',
  '상무',
  '전무',
  '부장',
  '차장',
  '과장',
  '팀장',
  '실장',
  '대리',
  '주임',
  '사원',
  '매니저',
  '선생',
  '원장',
  '담당',
] as const;

/** Korean surnames of two syllables: '남궁민수' is 남궁 + 민수, '남궁민' has a one-syllable given name. */
const TWO_SYLLABLE_SURNAMES = ['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방', '을지'];

/** What may stand between two letters of a name as typed: spaces, tabs, line breaks, zero-width spaces. */
const GAP = '[\\s\\u200B-\\u200D\\u2060\\uFEFF]*';
const GAP_CHAR = /[\s\u200B-\u200D\u2060\uFEFF]/u;
const HANGUL_SYLLABLE = /^[\uAC00-\uD7A3]$/u;
// Letters (with combining marks) and the punctuation names are written with ('O’Brien', 'Mary-Jane').
const NAME_CHAR = /^[\p{L}\p{M}'’.·-]$/u;

const escapeRegExp = (char: string) => char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * The letters a name is matched by. A contact field may hold more than the name ('김민수 과장',
 * '홍길동(대표)', '홍길동 외 1명'): a trailing title is dropped, and a field that is not a name as a
 * whole stands for its first word of two or more letters. Fewer than two letters match nothing.
 */
function lettersOf(name: string): string[] {
  let trimmed = name.normalize('NFC').trim();
  const titled = /^(.*\S)\s+(\S+)$/u.exec(trimmed);
  if (titled?.[1] && titled[2] && GIVEN_NAME_FOLLOWERS.some((word) => titled[2]?.startsWith(word))) {
    trimmed = titled[1];
  }
  const letters = Array.from(trimmed).filter((char) => !GAP_CHAR.test(char));
  if (letters.every((char) => NAME_CHAR.test(char))) return letters.length >= 2 ? letters : [];
  const words = trimmed.split(/[^\p{L}\p{M}'’.·-]+/u).map((word) => Array.from(word));
  return words.find((word) => word.length >= 2) ?? [];
}

/** Where the given name starts in a Korean name of three or four syllables, else null. */
function givenNameOffset(letters: readonly string[]): number | null {
  if (!letters.every((char) => HANGUL_SYLLABLE.test(char))) return null;
  const twoSyllableSurname = TWO_SYLLABLE_SURNAMES.includes(letters.slice(0, 2).join(''));
  if (letters.length === 3 && !twoSyllableSurname) return 1;
  if (letters.length === 4 && twoSyllableSurname) return 2;
  return null;
}

type Alternative = { source: string; letters: string[]; offset: number };

/**
 * Finds the known names of a record in free text and replaces each span with what `replace` returns,
 * in one left-to-right pass. A name is found as written with any spacing ('김민수', '김 민수',
 * '김민 수'), in any letter case ('alex kim'), with anything after it (particles and honorifics stay
 * outside the span: '김민수님이' → span '김민수'). The given name of a Korean name of three syllables
 * (four with a two-syllable surname) is found alone too, when it starts a word and is followed by an
 * honorific or title (GIVEN_NAME_FOLLOWERS): '민수 님', '민수씨', '민수 과장님'. Longer names win where
 * two start at the same place. Names shorter than two letters are ignored: one syllable would hit
 * ordinary words everywhere.
 */
export function replaceKnownNames(
  text: string,
  names: readonly string[],
  replace: (match: KnownNameMatch) => string,
): string {
  const alternatives: Alternative[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const letters = lettersOf(name);
    const key = letters.join('').toLowerCase();
    if (letters.length === 0 || seen.has(key)) continue;
    seen.add(key);
    alternatives.push({ source: letters.map(escapeRegExp).join(GAP), letters, offset: 0 });
    const offset = givenNameOffset(letters);
    if (offset !== null) {
      const given = letters.slice(offset).map(escapeRegExp).join(GAP);
      const followers = GIVEN_NAME_FOLLOWERS.join('|');
      alternatives.push({
        source: `(?<![\\uAC00-\\uD7A3])${given}(?=${GAP}(?:${followers}))`,
        letters,
        offset,
      });
    }
  }
  if (alternatives.length === 0) return text;
  alternatives.sort((a, b) => b.letters.length - b.offset - (a.letters.length - a.offset));
  const pattern = new RegExp(alternatives.map((alternative) => `(${alternative.source})`).join('|'), 'giu');
  return text.replace(pattern, (matched: string, ...groups: unknown[]) => {
    const index = groups.findIndex(
      (group, position) => position < alternatives.length && group !== undefined,
    );
    const alternative = alternatives[index];
    if (!alternative) return matched;
    return replace({ text: matched, letters: alternative.letters, offset: alternative.offset });
  });
}
