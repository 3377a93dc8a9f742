import { createHmac } from 'node:crypto';
import { canonicalJson } from './canonicalJson.ts';

/** Chain version of rows linked by chainAuditEntry (rows with a null version use hashAuditEntry). */
export const KEYED_CHAIN_VERSION = 2;

/**
 * What a keyed link covers: the row's position in the chain and everything it records, except the
 * reason's text, which is covered through its keyed digest — so a data-subject delete can redact a
 * name or number from a reason and the chain still verifies.
 */
export type ChainedAuditContent = {
  seq: number;
  at: Date;
  actorId: string | null;
  action: string;
  subject: string | null;
  subjectIndex: string | null;
  ip: string | null;
  reasonDigest: string | null;
  detail: Record<string, unknown> | null;
};

/**
 * HMAC-SHA256 (hex) of the previous row's hash and this row's canonical content, keyed with the
 * access-log chain key (derived from the master key, never stored in the database). Without the key
 * nobody can recompute a link, so an edited, inserted or removed row cannot be hidden by rewriting
 * the hashes after it; the sequence number makes a removed row show even where the links would
 * otherwise be re-joined.
 */
export function chainAuditEntry(chainKey: Buffer, prevHash: string, entry: ChainedAuditContent): string {
  const content = canonicalJson({ ...entry, at: entry.at.toISOString() });
  return createHmac('sha256', chainKey).update(`ieum access log v2\n${prevHash}\n${content}`).digest('hex');
}
