import { type NumberType, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** Which kind of Korean number it is; 'toll-free' and 'representative' are business numbers. */
export type KoreanPhoneKind = 'mobile' | 'landline' | 'voip' | 'safe-number' | 'toll-free' | 'representative';

/** A valid Korean number in its stored and displayed forms. */
export type NormalizedKoreanPhone = {
  readonly ok: true;
  /** E.164, for storage and integrations, e.g. '+821012345678'. */
  readonly e164: string;
  /** Domestic digits as dialled in Korea, e.g. '01012345678' or '16447391'; the lookup key. */
  readonly digits: string;
  /** Domestic format for screens, e.g. '010-1234-5678', '02-123-4567', '0505-123-4567', '1644-7391'. */
  readonly display: string;
  readonly kind: KoreanPhoneKind;
};

/** Why an input was rejected, in Korean for the form that showed it. */
export type InvalidKoreanPhone = { readonly ok: false; readonly message: string };

export const INVALID_PHONE_MESSAGE = '전화번호 형식이 올바르지 않습니다 (예: 010-1234-5678)';

// Letters would let "010-1234-5678 내선 2" or a whole sentence through, since the parser extracts numbers.
const ALLOWED_CHARACTERS = /^[+\d\s().-]+$/;
const MAX_INPUT_LENGTH = 40;
const MOBILE_010 = /^10\d{8}$/;
// '010-1234-5678', '01012345678', '010 1234 5678', '010.1234.5678', '+82 10-1234-5678', '+821012345678'.
const PLAIN_010_TYPED = /^(?:0|\+82[\s-]?)10[\s.-]?(\d{4})[\s.-]?(\d{4})$/;
const DASH_VARIANTS = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;

const KIND_BY_TYPE: Partial<Record<NumberType & string, KoreanPhoneKind>> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  VOIP: 'voip',
  PERSONAL_NUMBER: 'safe-number',
  TOLL_FREE: 'toll-free',
  UAN: 'representative',
};

/**
 * Validates and normalises a Korean phone number typed in any common form: '010-1234-5678',
 * '01012345678', '+82 10 1234 5678', '(02) 123-4567', full-width digits, '1644-7391'.
 * Only numbers assigned in Korea are accepted (libphonenumber's full metadata decides which ranges
 * exist); premium-rate 060 numbers, foreign numbers and unassigned ranges are rejected, because a
 * caller or lead contact must be a number the business team can call back.
 *
 * Answers are remembered for the last few hundred inputs: one finished call checks the same number
 * about six times (the record, the transfer draft, the blind indexes of each sealed row, masking),
 * and libphonenumber's full metadata makes each check cost more than sealing the value. The answer
 * depends on the input alone, so a remembered one is the one that would be computed.
 */
export function normalizeKoreanPhone(input: string): NormalizedKoreanPhone | InvalidKoreanPhone {
  const remembered = recent.get(input);
  if (remembered) {
    // Refreshed: the most recently used inputs stay.
    recent.delete(input);
    recent.set(input, remembered);
    return remembered;
  }
  const answer = computeNormalizedPhone(input);
  recent.set(input, answer);
  if (recent.size > REMEMBERED_INPUTS) {
    const oldest = recent.keys().next().value;
    if (oldest !== undefined) recent.delete(oldest);
  }
  return answer;
}

// Small on purpose: it only needs to span one request's repeated checks of the same few numbers.
const REMEMBERED_INPUTS = 256;
const recent = new Map<string, NormalizedKoreanPhone | InvalidKoreanPhone>();

/**
 * Drops every remembered number. Called when personal data is erased (a data subject's request,
 * retention's end): a number deleted everywhere must not stay in this process's memory either.
 */
export function forgetRememberedPhones(): void {
  recent.clear();
}

function computeNormalizedPhone(input: string): NormalizedKoreanPhone | InvalidKoreanPhone {
  // Word processors and IMEs turn '-' into look-alike dashes; NFKC alone does not fold those.
  const text = input.normalize('NFKC').replace(DASH_VARIANTS, '-').trim();
  if (text.length === 0 || text.length > MAX_INPUT_LENGTH || !ALLOWED_CHARACTERS.test(text)) {
    return { ok: false, message: INVALID_PHONE_MESSAGE };
  }
  // The common case — a plain 010 number — needs no metadata (the same answer as below, without
  // libphonenumber's ~0.1 ms per number: an import checks ten thousand of them).
  const plain = PLAIN_010_TYPED.exec(text);
  if (plain) {
    const national = `10${plain[1]}${plain[2]}`;
    return {
      ok: true,
      e164: `+82${national}`,
      digits: `0${national}`,
      display: `010-${plain[1]}-${plain[2]}`,
      kind: 'mobile',
    };
  }
  const parsed = parsePhoneNumberFromString(text, 'KR');
  if (parsed === undefined || parsed.country !== 'KR') return { ok: false, message: INVALID_PHONE_MESSAGE };
  const national = String(parsed.nationalNumber);
  // Every 010 number with eight subscriber digits is a mobile number in the national plan, but
  // libphonenumber's metadata leaves 010-597X…599X out; turning away a real caller costs more than
  // accepting a number not yet assigned, so those are accepted here.
  const plain010 = MOBILE_010.test(national);
  if (!plain010 && !parsed.isValid()) return { ok: false, message: INVALID_PHONE_MESSAGE };
  const type = parsed.getType();
  const kind = plain010 ? 'mobile' : type === undefined ? undefined : KIND_BY_TYPE[type];
  if (kind === undefined) return { ok: false, message: INVALID_PHONE_MESSAGE };
  // Representative numbers (15XX/16XX/18XX) have no trunk prefix; everything else is dialled with 0.
  const digits = kind === 'representative' ? national : `0${national}`;
  return {
    ok: true,
    e164: `+82${national}`,
    digits,
    display: formatDisplay(digits, kind, parsed.formatNational()),
    kind,
  };
}

/**
 * libphonenumber writes safe numbers as '050-5123-4567', but Koreans read the 050X prefix as one
 * group ('0505-123-4567'), so those are grouped by hand (4-digit prefix, middle, last 4), as are
 * 010 numbers, which the library may not format when it does not know the range.
 */
function formatDisplay(digits: string, kind: KoreanPhoneKind, national: string): string {
  if (kind === 'safe-number') return `${digits.slice(0, 4)}-${digits.slice(4, -4)}-${digits.slice(-4)}`;
  if (MOBILE_010.test(digits.slice(1)))
    return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
  return national;
}
