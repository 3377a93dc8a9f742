import { createHmac } from 'node:crypto';

/**
 * Keyed digest (hex) of an access-log reason: what the chain covers instead of the text, so the
 * text can be encrypted, re-encrypted by a key rotation and redacted without breaking a link, and a
 * reason swapped in from another row still shows.
 */
export function digestAuditReason(reasonKey: Buffer, reason: string): string {
  return createHmac('sha256', reasonKey).update(reason).digest('hex');
}
