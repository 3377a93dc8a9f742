import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The `X-Ieum-Signature` value for a raw body: 'sha256=' and the hex HMAC-SHA256 of the exact bytes
 * sent, keyed with the subscription's secret. Receivers recompute it over the raw body (before
 * parsing JSON) and compare in constant time.
 */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Checks a signature header against a body in constant time (for receivers and tests). */
export function verifyWebhookSignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const expected = Buffer.from(signWebhookBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
