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

/**
 * The `X-Ieum-Signature-V2` value: 'sha256=' and the hex HMAC-SHA256 of `<timestamp>.<raw body>`,
 * where the timestamp is the `X-Ieum-Timestamp` sent with it (Unix seconds at sending). A receiver
 * that checks it and refuses a timestamp more than a few minutes old cannot be fed a captured
 * delivery again later; `X-Ieum-Signature` (the body alone) stays for receivers built on it.
 */
export function signTimestampedWebhookBody(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * Checks `X-Ieum-Signature-V2` and its `X-Ieum-Timestamp` as a receiver should: the signature in
 * constant time, and the timestamp within `toleranceSeconds` of `now` (for receivers and tests).
 */
export function verifyTimestampedWebhookSignature(
  secret: string,
  body: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  now: Date,
  toleranceSeconds = 300,
): boolean {
  const { timestamp, signature } = headers;
  if (timestamp === undefined || signature === undefined || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signTimestampedWebhookBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
