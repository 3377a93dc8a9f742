import { z } from 'zod';

/** A syntactically valid email address, trimmed, with the domain lower-cased. */
export type ValidEmail = { readonly ok: true; readonly email: string };
/** The Korean message shown beside the email field. */
export type InvalidEmail = { readonly ok: false; readonly message: string };

export const INVALID_EMAIL_MESSAGE = '이메일 주소 형식이 올바르지 않습니다';

// zod's email pattern, so this agrees with API schemas that use z.email(); 254 is the SMTP path limit.
const EMAIL = z.email().max(254);

/**
 * Checks an email address typed into a form (e.g. the Q4 sign-up lead's 이메일주소).
 * The domain is lower-cased because domains are case-insensitive and the brochure must not be sent
 * twice to one mailbox spelt two ways; the local part is kept as typed, as RFC 5321 requires.
 * Syntax only: whether the mailbox exists shows when the brochure bounces.
 */
export function validateEmail(input: string): ValidEmail | InvalidEmail {
  const text = input.normalize('NFKC').trim();
  if (!EMAIL.safeParse(text).success) return { ok: false, message: INVALID_EMAIL_MESSAGE };
  const at = text.lastIndexOf('@');
  return { ok: true, email: `${text.slice(0, at)}${text.slice(at).toLowerCase()}` };
}
