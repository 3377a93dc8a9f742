import { z } from 'zod';
import { idempotencyKeyHeader } from '../common/idempotencyKeyHeader.ts';

/** Request headers of `POST /api/v1/transfers`. */
export const fileTransferHeadersSchema = z.object({
  'idempotency-key': idempotencyKeyHeader('A unique key per filing (e.g. a UUID); retries reuse it'),
});
