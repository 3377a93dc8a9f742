/** The one refusal of a value that is no person's name (the catalogue words it in English). */
export const INVALID_PERSON_NAME_MESSAGE = '이름은 글자로 입력해 주세요. 숫자나 기호는 쓸 수 없습니다';

// Letters of any script with their marks, and what names and their titles are written with:
// spaces, a middle dot, a period, a hyphen, an apostrophe, parentheses ("김민수 (과장)").
const NAME_CHARACTERS = /^[\p{L}\p{M}\s.·'’()-]+$/u;
// A letter that can start a name: a Hangul syllable or a letter of another script — not the bare
// jamo of a half-typed word (ㅋㅋ, ㅇㅇ).
const NAME_LETTER = /[\uAC00-\uD7A3]|(?![\u3131-\u318E])\p{L}/u;

/**
 * Checks that a value can be a person's name (the contact a sign-up lead names, the 담당자 the
 * chatbot takes down): letters — any script — with spaces and the punctuation names and titles
 * use, and no digits or other symbols, so a number or an address typed into the name field
 * ("12345", "010-…", "a@b.kr") is refused where it is typed, in the console's intake and in the
 * chat alike. Whether a name is present, and its length, are the caller's rules.
 */
export function validatePersonName(
  value: string,
): { ok: true; name: string } | { ok: false; message: string } {
  const name = value.trim();
  return NAME_CHARACTERS.test(name) && NAME_LETTER.test(name)
    ? { ok: true, name }
    : { ok: false, message: INVALID_PERSON_NAME_MESSAGE };
}
