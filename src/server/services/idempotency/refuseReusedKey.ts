import { AppError } from '../../errors.ts';
import { msg } from '../../i18n/localisedText.ts';

/**
 * The 422 for an Idempotency-Key sent again with another request: another body, or — where the
 * path names the resource (finishing consultation A with the key of consultation B's finish) —
 * another resource. Answering with the first request's result instead would tell the caller a
 * write happened that did not: the consultation in the path would stay open, its transfer unfiled.
 */
export function refuseReusedKey(otherResourceId?: string): AppError {
  return new AppError('idempotency-key-reused', msg('http.idempotencyKeyReused'), [
    {
      where: 'header idempotency-key',
      message:
        otherResourceId === undefined
          ? msg('http.idempotencyKeyReusedDetail')
          : msg('http.idempotencyKeyOtherResourceDetail', { resourceId: otherResourceId }),
    },
  ]);
}
