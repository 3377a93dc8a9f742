import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson.ts';

/** The previous hash of the first row of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The content of an access-log row that its hash covers (everything but the id and the hashes). */
export type AuditEntryContent = {
  at: Date;
  actorId: string | null;
  action: string;
  subject: string | null;
  subjectIndex: string | null;
  ip: string | null;
  reason: string | null;
  detail: Record<string, unknown> | null;
};

/**
 * SHA-256 (hex) of the previous row's hash and this row's canonical content: the link of the
 * access log's first, unkeyed chain (version 1). Anyone with write access to the table can
 * recompute it, so rows are now chained with `chainAuditEntry` (keyed); this stays to verify the
 * rows written before that.
 */
export function hashAuditEntry(prevHash: string, entry: AuditEntryContent): string {
  const content = canonicalJson({ ...entry, at: entry.at.toISOString() });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}
