import type { FieldCodec } from '../../crypto/fieldCodec.ts';
import type { Database } from '../../db/openDatabase.ts';
import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';
import { idempotencyRepository } from '../../repositories/idempotencyRepository.ts';
import { hashIdempotentRequest } from './hashIdempotentRequest.ts';
import { refuseReusedKey } from './refuseReusedKey.ts';

/** The `Idempotency-Key` of a request and what identifies its caller and request. */
export type IdempotencyClaim = {
  userId: string;
  /** The operation, e.g. 'transfer.file'. */
  scope: string;
  key: string;
  /** The parsed request; its canonical JSON is hashed, so key order and whitespace do not matter. */
  request: unknown;
  /**
   * The answer's status code and resource id when they are known before the create runs (finishing
   * a consultation answers 200 with the consultation's id): the key is then claimed with them in
   * one statement instead of being completed after. Others in the same transaction see the claim
   * only once it commits, so this is the same guarantee.
   */
  knownOutcome?: { statusCode: number; resourceId: string };
};

/** The outcome of an idempotent write: the resource, its status code, and whether it was a replay. */
export type IdempotentResult<T> = { statusCode: number; value: T; replayed: boolean };

/**
 * Runs a create at most once per key, inside the caller's transaction: the key is claimed first
 * (a concurrent retry waits on it), then the resource is created and the key records its id, all
 * committed together — or rolled back together, so a failed attempt can be retried with the same
 * key. A replay returns the resource as it is now with the first status code; the same key with a
 * different request — or, with `knownOutcome`, on a different resource — is refused (422), because
 * silently returning another request's result would hide a client bug.
 */
export async function runIdempotent<T>(
  tx: Database,
  /** Keys are stored as digests under the field keys (idempotencyKeyDigest), never as sent. */
  codec: FieldCodec,
  claim: IdempotencyClaim,
  create: () => Promise<{ statusCode: number; resourceId: string; value: T }>,
  replay: (resourceId: string) => Promise<T>,
): Promise<IdempotentResult<T>> {
  const requestHash = hashIdempotentRequest(claim.request);
  const where = { userId: claim.userId, scope: claim.scope, key: claim.key };
  const existing = await idempotencyRepository.claim(tx, codec, {
    ...where,
    requestHash,
    ...claim.knownOutcome,
  });
  if (existing) {
    // A key first used on another resource than the one this request names (its path) answers
    // for that one: replaying it would say this request's write happened.
    const resourceClaimed = claim.knownOutcome?.resourceId;
    if (
      resourceClaimed !== undefined &&
      existing.resourceId !== null &&
      existing.resourceId !== resourceClaimed
    ) {
      throw refuseReusedKey(existing.resourceId);
    }
    if (existing.requestHash !== requestHash) throw refuseReusedKey();
    if (existing.resourceId === null || existing.statusCode === null) {
      throw new AppError('conflict', msg('http.idempotencyInProgress'), [
        { where: 'header idempotency-key', message: msg('http.idempotencyInProgressDetail') },
      ]);
    }
    return { statusCode: existing.statusCode, value: await replay(existing.resourceId), replayed: true };
  }
  const created = await create();
  if (claim.knownOutcome) {
    if (
      created.statusCode !== claim.knownOutcome.statusCode ||
      created.resourceId !== claim.knownOutcome.resourceId
    ) {
      throw new Error(`idempotent ${claim.scope}: the create answered other than the outcome claimed`);
    }
    return { statusCode: created.statusCode, value: created.value, replayed: false };
  }
  await idempotencyRepository.complete(tx, codec, where, {
    statusCode: created.statusCode,
    resourceId: created.resourceId,
  });
  return { statusCode: created.statusCode, value: created.value, replayed: false };
}
