/**
 * Thrown when a write that claims its Idempotency-Key in its own statement wrote nothing: the key
 * was taken, or the row had moved on. Its transaction rolls back, and the caller runs the request
 * again on the claim-first path (runIdempotent), which tells the two apart.
 */
export class ClaimedWriteSkipped extends Error {
  constructor() {
    super('the write claiming its idempotency key wrote nothing');
    this.name = 'ClaimedWriteSkipped';
  }
}
