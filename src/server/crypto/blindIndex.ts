import { createHmac } from 'node:crypto';
import { foldPersonName } from '../../domain/privacy/foldPersonName.ts';
import { normalizeKoreanPhone } from '../../domain/privacy/normalizeKoreanPhone.ts';
import type { FieldKeys } from './loadFieldKeys.ts';

/** What a blind index is computed over; the kind is hashed in, so a phone never matches an email. */
export type BlindIndexKind = 'phone' | 'email' | 'name' | 'name-choseong';

/**
 * Keyed hash (HMAC-SHA256 with a key derived from the master key) of an already-normalised value,
 * for exact lookup of encrypted data: equal inputs give equal indexes, and without the key the index
 * cannot be reversed by trying every phone number. Hex, 64 characters.
 */
export function blindIndex(keys: FieldKeys, kind: BlindIndexKind, normalized: string): string {
  return createHmac('sha256', keys.indexKey).update(`${kind}\u0000${normalized}`).digest('hex');
}

/**
 * The normalised form a phone number is indexed under: its domestic digits ('01012345678'), so
 * '010-1234-5678', '+82 10 1234 5678' and '01012345678' find the same records. Null when invalid.
 */
export function normalizePhoneForIndex(input: string): string | null {
  const phone = normalizeKoreanPhone(input);
  return phone.ok ? phone.digits : null;
}

/** The normalised form an email is indexed under: trimmed and lower-cased as a whole (mailboxes are case-insensitive in practice). */
export function normalizeEmailForIndex(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}

/** Blind index of a phone number typed in any Korean format, or null when it is not a valid number. */
export function phoneBlindIndex(keys: FieldKeys, input: string): string | null {
  const digits = normalizePhoneForIndex(input);
  return digits === null ? null : blindIndex(keys, 'phone', digits);
}

/** Blind index of an email address. */
export function emailBlindIndex(keys: FieldKeys, input: string): string {
  return blindIndex(keys, 'email', normalizeEmailForIndex(input));
}

/** Blind index of a person's whole name (spacing and case folded): exact name search. */
export function nameBlindIndex(keys: FieldKeys, input: string): string | null {
  const { name } = foldPersonName(input);
  return name === '' ? null : blindIndex(keys, 'name', name);
}

/** Blind index of a name's 초성 string ('ㄱㅁㅅ' for 김민수), or of a 초성 query as typed. */
export function nameChoseongBlindIndex(keys: FieldKeys, input: string): string | null {
  const { choseong } = foldPersonName(input);
  return choseong === '' ? null : blindIndex(keys, 'name-choseong', choseong);
}
