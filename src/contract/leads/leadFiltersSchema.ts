import { z } from 'zod';
import { leadStatuses } from '../../domain/lead/leadStatuses.ts';
import { requestDateSchema } from '../common/requestDateSchemas.ts';

const csv = <T extends string>(values: readonly [T, ...T[]], label: string) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values, { error: `${label}은(는) ${values.join(', ')} 중에서 고르세요` })));

/**
 * The filters of the leads list and its CSV export, unrefined: zod refuses `.omit` and `.extend` on a
 * refined object, so each query is made from this and refined once.
 */
export const leadFiltersSchema = z.object({
  status: csv(leadStatuses, 'status')
    .optional()
    .describe('Comma-separated: new,brochure-sent,called,won,lost'),
  callback: z
    .enum(['due', 'pending'])
    .optional()
    .describe("'due': the callback time has come (incl. overdue)"),
  assignee: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .describe("The transfer's assignee, or 'me'"),
  from: requestDateSchema('from은 YYYY-MM-DD 형식이어야 합니다')
    .optional()
    .describe('Filed on or after this Seoul date'),
  to: requestDateSchema('to는 YYYY-MM-DD 형식이어야 합니다')
    .optional()
    .describe('Filed on or before this Seoul date'),
});
