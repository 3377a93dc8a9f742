import { z } from 'zod';
import type { ConsentDecisionRequest } from '../../domain/consent/decideConsent.ts';
import { guideIdSchema } from '../common/guideIdSchema.ts';

/** Upper bound on items per request: a consultation collects a handful of fields, never hundreds. */
export const MAX_CONSENT_ITEMS = 64;

/**
 * The body of `POST /api/v1/consent/decide`, reused by the route so a malformed request is a 400 that
 * names the field (zod issue paths such as `items.2.field`). Strict objects, so a misspelt key
 * (`stored` for `store`) is reported rather than silently read as missing. Field names are trimmed,
 * 1–64 characters, and unique within a request (two answers for one field would be ambiguous).
 * At least one item: a decision about nothing is a client bug.
 */
export const consentDecisionRequestSchema = z.strictObject({
  /** Whose rules decide (section 3 of that guide); the default guide's when absent. */
  guideId: guideIdSchema.optional(),
  member: z.boolean({ error: 'member는 true 또는 false여야 합니다' }),
  items: z
    .array(
      z.strictObject({
        field: z
          .string({ error: 'field는 문자열이어야 합니다' })
          .trim()
          .min(1, { error: 'field는 비어 있을 수 없습니다' })
          .max(64, { error: 'field는 64자 이하여야 합니다' }),
        alreadyHeld: z.boolean({ error: 'alreadyHeld는 true 또는 false여야 합니다' }),
        store: z.boolean({ error: 'store는 true 또는 false여야 합니다' }),
      }),
      { error: 'items는 배열이어야 합니다' },
    )
    .min(1, { error: 'items에 항목이 하나 이상 있어야 합니다' })
    .max(MAX_CONSENT_ITEMS, { error: `items는 ${MAX_CONSENT_ITEMS}개 이하여야 합니다` })
    .superRefine((items, context) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.field)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'field'],
            message: `field '${item.field}'가 중복되었습니다`,
            params: { messageKey: 'validation.duplicateItem', name: 'field', value: item.field },
          });
        }
        seen.add(item.field);
      });
    }),
});

// Compile-time proof that whatever the schema accepts can be passed to decideConsent.
const acceptsSchemaOutput = (
  request: z.output<typeof consentDecisionRequestSchema>,
): ConsentDecisionRequest => request;
void acceptsSchemaOutput;
