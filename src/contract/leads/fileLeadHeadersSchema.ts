import { z } from 'zod';
import { idempotencyKeyHeader } from '../common/idempotencyKeyHeader.ts';

/** Request headers of `POST /api/v1/leads`. */
export const fileLeadHeadersSchema = z.object({
  'idempotency-key': idempotencyKeyHeader(
    'Retrying with the same key returns the first lead instead of filing a second one',
  ),
});
