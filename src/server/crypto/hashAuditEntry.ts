import { createHash } from 'node:crypto';

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

/** JSON with object keys sorted at every level, so jsonb's key reordering cannot change a hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * SHA-256 (hex) of the previous row's hash and this row's canonical content: the link of the
 * access log's hash chain. Changing, removing or inserting a row changes every later link, which
 * `verifyAccessLog` detects.
 */
export function hashAuditEntry(prevHash: string, entry: AuditEntryContent): string {
  const content = canonicalJson({ ...entry, at: entry.at.toISOString() });
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}
