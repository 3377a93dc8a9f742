import type { AccessLogVerification } from '../../../contract/privacy/accessLogVerificationSchema.ts';
import type { AppContext } from '../../appContext.ts';
import { chainAuditEntry, KEYED_CHAIN_VERSION } from '../../crypto/chainAuditEntry.ts';
import { decryptField, isEncryptedField } from '../../crypto/decryptField.ts';
import { digestAuditReason } from '../../crypto/digestAuditReason.ts';
import { GENESIS_HASH, hashAuditEntry } from '../../crypto/hashAuditEntry.ts';
import { type AuditEventRow, auditRepository } from '../../repositories/auditRepository.ts';
import { destructionLogRepository } from '../../repositories/destructionLogRepository.ts';
import { type AccessLogCheckpoint, accessLogCheckpoint } from './accessLogCheckpoint.ts';

type Link = { hash: string; seq: number | null; keyed: boolean };

/** Where the chain may start: the genesis value, or the last row a purge removed (and its position). */
type Anchors = { legacy: Set<string>; keyed: Map<string, number | null> };
// Past the first row the walk follows links only.
const NO_ANCHORS: Anchors = { legacy: new Set(), keyed: new Map() };

/** Where a purge left the chain: the hash (and position) of the last removed row. */
async function purgeAnchors(
  ctx: AppContext,
): Promise<{ legacy: Set<string>; keyed: Map<string, number | null> }> {
  const db = ctx.database.db;
  const legacy = new Set<string>([GENESIS_HASH]);
  for (const entry of await destructionLogRepository.listByKind(db, 'audit-events')) {
    const lastHash = entry.detail.lastHash;
    if (typeof lastHash === 'string') legacy.add(lastHash);
  }
  // Purges since the keyed chain record their anchor in the chain itself, in a keyed row an
  // intruder cannot forge (the row is verified like every other when the walk reaches it).
  const keyed = new Map<string, number | null>([[GENESIS_HASH, 0]]);
  for (const row of await auditRepository.listByAction(db, 'access-log.purged')) {
    const lastHash = row.detail?.lastHash;
    const upToSeq = row.detail?.upToSeq;
    if (typeof lastHash === 'string') keyed.set(lastHash, typeof upToSeq === 'number' ? upToSeq : null);
  }
  return { legacy, keyed };
}

/** Why one row does not verify after `previous`, or null when it does. */
function checkRow(
  ctx: AppContext,
  row: AuditEventRow,
  previous: Link | null,
  anchors: Anchors,
): string | { keyMissing: string } | null {
  if (row.hash === null || row.prevHash === null) return 'hash missing';
  const keyed = row.chainVersion === KEYED_CHAIN_VERSION;
  if (previous === null) {
    const known = keyed
      ? anchors.keyed.has(row.prevHash) || anchors.legacy.has(row.prevHash)
      : anchors.legacy.has(row.prevHash);
    if (!known)
      return 'first row does not link to the start of the chain or to a recorded purge (rows removed?)';
  } else if (row.prevHash !== previous.hash) {
    return 'does not link to the previous row (a row was removed or inserted)';
  }
  if (!keyed) {
    if (row.chainVersion !== null) return `unknown chain version ${row.chainVersion}`;
    if (previous?.keyed) return 'an unkeyed row after the keyed chain began (rewritten to escape the key?)';
    // A redacted reason cannot be checked by the first chain's hash, which covered the text; its
    // links still are, and the first keyed row pins the last one.
    if (row.reasonRedactedAt !== null) return null;
    let reason = row.reason;
    if (reason !== null && isEncryptedField(reason)) {
      try {
        reason = decryptField(ctx.fieldKeys, reason);
      } catch {
        return 'reason cannot be decrypted with the configured keys';
      }
    }
    const expected = hashAuditEntry(row.prevHash, {
      at: row.at,
      actorId: row.actorId,
      action: row.action,
      subject: row.subject,
      subjectIndex: row.subjectIndex,
      ip: row.ip,
      reason,
      detail: row.detail,
    });
    return expected === row.hash ? null : 'content does not match its hash (the row was altered)';
  }
  const key = ctx.fieldKeys.all.find((candidate) => candidate.keyId === row.chainKeyId);
  // Its links held; its content cannot be checked here. Not evidence of tampering: the caller
  // reports it apart (unverifiableFrom), after a rotation that dropped the previous key too soon.
  if (!key) return { keyMissing: row.chainKeyId ?? '' };
  const expectedSeq =
    previous === null
      ? (anchors.keyed.get(row.prevHash) ?? 0) + 1
      : previous.keyed
        ? (previous.seq ?? 0) + 1
        : 1;
  if (row.chainSeq !== expectedSeq)
    return `position ${row.chainSeq} where ${expectedSeq} was due (a row was removed)`;
  const expected = chainAuditEntry(key.auditChainKey, row.prevHash, {
    seq: row.chainSeq,
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    subject: row.subject,
    subjectIndex: row.subjectIndex,
    ip: row.ip,
    reasonDigest: row.reasonDigest,
    detail: row.detail,
  });
  if (expected !== row.hash) return 'content does not match its keyed hash (the row was altered)';
  if ((row.reason === null) !== (row.reasonDigest === null)) return 'reason removed or added after the fact';
  if (row.reason !== null && row.reasonDigest !== null && row.reasonRedactedAt === null) {
    let reason: string;
    try {
      reason = decryptField(ctx.fieldKeys, row.reason);
    } catch {
      return 'reason cannot be decrypted with the configured keys (altered?)';
    }
    if (digestAuditReason(key.auditReasonKey, reason) !== row.reasonDigest) {
      return 'reason does not match its digest (replaced)';
    }
  }
  return null;
}

/** Whether the checkpointed head is still in the log (or was legitimately purged since). */
async function checkCheckpoint(
  ctx: AppContext,
  checkpoint: AccessLogCheckpoint,
  anchors: () => Promise<Anchors>,
): Promise<string | null> {
  const row = await auditRepository.findById(ctx.database.db, checkpoint.id);
  if (!row) {
    const purgedUpTo = Math.max(0, ...[...(await anchors()).keyed.values()].map((seq) => seq ?? 0));
    return checkpoint.seq <= purgedUpTo
      ? null
      : `row ${checkpoint.id} (position ${checkpoint.seq}), the newest when the checkpoint was signed, is gone: the newest rows were removed`;
  }
  if (row.hash !== checkpoint.hash || row.chainSeq !== checkpoint.seq) {
    return `row ${checkpoint.id} differs from the signed checkpoint (position ${checkpoint.seq}): the newest rows were rewritten`;
  }
  return null;
}

/**
 * Verifies the access log: every link of the chain, oldest first — each row's prev_hash must be the
 * previous row's hash, its position the next one, and its hash the keyed HMAC of its content
 * (chainAuditEntry; rows written before the keyed chain use the unkeyed hash, and the first keyed
 * row pins the last of them) — and the signed checkpoint kept outside the database, whose head row
 * must still be there unchanged. An edited, inserted or removed row, a reason swapped in from
 * elsewhere, and the newest rows removed up to the checkpoint all show; the first remaining row
 * must link to the start or to a recorded purge. When everything holds, a new checkpoint of the
 * current head is written (`writeCheckpoint`, default true).
 *
 * With `fromCheckpoint`, only the rows after a valid checkpoint are walked (the server advances its
 * checkpoint this way every few seconds); without a checkpoint it walks everything.
 */
export async function verifyAccessLog(
  ctx: AppContext,
  options: { fromCheckpoint?: boolean; writeCheckpoint?: boolean } = {},
): Promise<AccessLogVerification> {
  const db = ctx.database.db;
  const file = accessLogCheckpoint.fileOf(ctx.env);
  const reading = accessLogCheckpoint.read(file, ctx.fieldKeys);
  // Loaded only when needed: the server's every-5-s check from its checkpoint never needs them.
  let anchorsLoaded: Promise<Anchors> | null = null;
  const anchors = () => {
    anchorsLoaded ??= purgeAnchors(ctx);
    return anchorsLoaded;
  };
  const checkpoint: AccessLogVerification['checkpoint'] = {
    file,
    state: ({ valid: 'matched', none: 'none', unverifiable: 'unverifiable', invalid: 'broken' } as const)[
      reading.state
    ],
    seq: reading.state === 'valid' ? reading.checkpoint.seq : null,
    problem: reading.state === 'invalid' || reading.state === 'unverifiable' ? reading.problem : null,
    keyId: reading.state === 'unverifiable' ? reading.keyId : null,
    written: null,
  };
  if (reading.state === 'valid') {
    const problem = await checkCheckpoint(ctx, reading.checkpoint, anchors);
    if (problem) Object.assign(checkpoint, { state: 'broken', problem });
  }
  let checked = 0;
  let legacyChecked = 0;
  let unchainedBefore = 0;
  let previous: Link | null = null;
  let afterId = 0;
  // The newest keyed row walked: what a new checkpoint may vouch for (rows appended meanwhile wait for the next).
  let lastKeyed: { seq: number; id: number; hash: string } | null = null;
  if (options.fromCheckpoint && reading.state === 'valid' && checkpoint.state === 'matched') {
    const start = reading.checkpoint;
    previous = { hash: start.hash, seq: start.seq, keyed: true };
    afterId = start.id;
  }
  const result = (
    brokenAt: AccessLogVerification['brokenAt'],
    unverifiableFrom: AccessLogVerification['unverifiableFrom'] = null,
  ): AccessLogVerification => ({
    ok:
      brokenAt === null &&
      unverifiableFrom === null &&
      (checkpoint.state === 'matched' || checkpoint.state === 'none'),
    checked,
    legacyChecked,
    unchainedBefore,
    brokenAt,
    unverifiableFrom,
    checkpoint,
  });
  for (;;) {
    const rows = await auditRepository.listInChainOrder(db, afterId, 1000);
    if (rows.length === 0) break;
    for (const row of rows) {
      afterId = row.id;
      if (previous === null && row.hash === null && checked === 0) {
        unchainedBefore += 1;
        continue;
      }
      const problem = checkRow(ctx, row, previous, previous === null ? await anchors() : NO_ANCHORS);
      if (typeof problem === 'string') return result({ id: row.id, problem });
      if (problem) return result(null, { id: row.id, keyId: problem.keyMissing });
      const keyed = row.chainVersion === KEYED_CHAIN_VERSION;
      previous = { hash: row.hash ?? '', seq: row.chainSeq, keyed };
      if (keyed && row.hash !== null && row.chainSeq !== null) {
        lastKeyed = { seq: row.chainSeq, id: row.id, hash: row.hash };
      }
      checked += 1;
      if (!keyed) legacyChecked += 1;
    }
  }
  // A broken checkpoint is evidence and one signed with a key not given may hold once it is added:
  // neither is written over.
  if ((checkpoint.state === 'matched' || checkpoint.state === 'none') && options.writeCheckpoint !== false) {
    if (lastKeyed) {
      accessLogCheckpoint.write(file, ctx.fieldKeys, lastKeyed, ctx.now());
      checkpoint.written = lastKeyed.seq;
    }
  }
  return result(null);
}
