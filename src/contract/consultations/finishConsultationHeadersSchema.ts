import { z } from 'zod';
import { idempotencyKeyHeader } from '../common/idempotencyKeyHeader.ts';

/** Request headers of `POST /api/v1/consultations/{id}/finish`. */
export const finishConsultationHeadersSchema = z.object({
  'idempotency-key': idempotencyKeyHeader(
    'A unique key per consultation finish (e.g. `finish-<consultation id>`); retries reuse it. A key already used to finish another consultation, or sent with another body, is refused with 422 `idempotency-key-reused`, even once the consultation is saved',
  ),
});
