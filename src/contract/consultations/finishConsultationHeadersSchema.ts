import { z } from 'zod';
import { idempotencyKeyHeader } from '../common/idempotencyKeyHeader.ts';

/** Request headers of `POST /api/v1/consultations/{id}/finish`. */
export const finishConsultationHeadersSchema = z.object({
  'idempotency-key': idempotencyKeyHeader(
    'A unique key per consultation finish (e.g. `finish-<consultation id>`); retries reuse it',
  ),
});
