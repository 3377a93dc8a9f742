import { createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../crypto/canonicalJson.ts';
import type { FieldKeys } from '../../crypto/loadFieldKeys.ts';
import type { Env } from '../../env.ts';
import { errorCodeOf } from '../../errorCodeOf.ts';
import { syncToDisk } from '../../syncToDisk.ts';

/** Name of the checkpoint file in IEUM_DATA_DIR when IEUM_ACCESS_LOG_CHECKPOINT_FILE is not set. */
export const CHECKPOINT_FILE_NAME = 'access-log.checkpoint';

const checkpointSchema = z.strictObject({
  version: z.literal(1),
  /** Chain position (chain_seq) of the newest row when the checkpoint was written: the count. */
  seq: z.number().int().positive(),
  /** That row's id and keyed hash. */
  id: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** When the checkpoint was written. */
  at: z.iso.datetime({ offset: true }),
  /** Which master key's chain key signed it. */
  keyId: z.string().min(1),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

/** A signed record of the access log's head: its count and hash, kept outside the database. */
export type AccessLogCheckpoint = z.output<typeof checkpointSchema>;

/**
 * What the checkpoint file says: nothing yet, a checkpoint whose signature holds, one signed with a
 * key this server is not given (its signature cannot be checked here — a setting, not tampering),
 * or why it cannot be trusted.
 */
export type CheckpointReading =
  | { state: 'none' }
  | { state: 'valid'; checkpoint: AccessLogCheckpoint }
  | { state: 'unverifiable'; keyId: string; problem: string }
  | { state: 'invalid'; problem: string };

function macOf(chainKey: Buffer, body: Omit<AccessLogCheckpoint, 'mac'>): string {
  return createHmac('sha256', chainKey)
    .update(`ieum access log checkpoint v1\n${canonicalJson(body)}`)
    .digest('hex');
}

/**
 * The access log's signed checkpoint file: the head of the keyed chain (sequence number = count,
 * row id and hash), HMAC-signed with the chain key and kept outside the database. Whoever can write
 * the database but not this file cannot hide removing the newest rows, because the checkpointed
 * row must still be there with the same hash. Written atomically (temporary file, fsync, rename)
 * and only ever forward.
 */
export const accessLogCheckpoint = {
  /** IEUM_ACCESS_LOG_CHECKPOINT_FILE, or `access-log.checkpoint` in IEUM_DATA_DIR. */
  fileOf: (env: Env): string =>
    path.resolve(env.IEUM_ACCESS_LOG_CHECKPOINT_FILE ?? path.join(env.IEUM_DATA_DIR, CHECKPOINT_FILE_NAME)),

  read: (file: string, keys: FieldKeys): CheckpointReading => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return { state: 'none' };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return { state: 'invalid', problem: `checkpoint file ${file} is not valid JSON (altered?)` };
    }
    const parsed = checkpointSchema.safeParse(json);
    if (!parsed.success)
      return { state: 'invalid', problem: `checkpoint file ${file} is malformed (altered?)` };
    const { mac, ...body } = parsed.data;
    const key = keys.all.find((candidate) => candidate.keyId === body.keyId);
    if (!key) {
      return {
        state: 'unverifiable',
        keyId: body.keyId,
        problem: `checkpoint was signed with key ${body.keyId}, which is not configured — not a sign of tampering: add that key to IEUM_ENCRYPTION_OLD_KEYS to check it, or, if it is gone for good, move ${file} aside (the next check writes a new one)`,
      };
    }
    const expected = Buffer.from(macOf(key.auditChainKey, body), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) {
      return { state: 'invalid', problem: `checkpoint file ${file} fails its signature (altered or forged)` };
    }
    return { state: 'valid', checkpoint: parsed.data };
  },

  /**
   * Writes a checkpoint of `head`, signed with the current key; never moves an existing one back,
   * and never replaces one it cannot check (signed with a key not given): that one may still hold
   * once the key is added.
   */
  write: (file: string, keys: FieldKeys, head: { seq: number; id: number; hash: string }, at: Date): void => {
    const existing = accessLogCheckpoint.read(file, keys);
    if (existing.state === 'unverifiable') return;
    if (existing.state === 'valid' && existing.checkpoint.seq >= head.seq) return;
    const body = { version: 1 as const, ...head, at: at.toISOString(), keyId: keys.keyId };
    const checkpoint: AccessLogCheckpoint = { ...body, mac: macOf(keys.auditChainKey, body) };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const fd = fs.openSync(temporary, 'w', 0o600);
    try {
      fs.writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
    syncToDisk(path.dirname(file), 'directory');
  },
};
