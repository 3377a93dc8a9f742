import { createHash, randomBytes } from 'node:crypto';

/** A fresh random token (URL-safe) and the SHA-256 we store instead of it. */
export function secureToken(prefix = ''): { token: string; hash: string } {
  const token = `${prefix}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

/** SHA-256 of a bearer/session/setup token: a database leak must not hand out live tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
