import { z } from 'zod';
import { dateRangeOrder } from '../common/dateRangeOrder.ts';
import { requestDateSchema } from '../common/requestDateSchemas.ts';
import { transferKindSchema } from './transferKindSchema.ts';
import { transferStatusSchema } from './transferStatusSchema.ts';

// Filters take comma-separated lists (?status=received,in-progress), which read well in links.
const csv = z.string().transform((text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);

/** Query of `GET /api/v1/transfers`. */
export const listTransfersQuerySchema = z
  .object({
    status: csv
      .pipe(z.array(transferStatusSchema))
      .optional()
      .describe('Comma-separated statuses, e.g. received,in-progress'),
    guideId: csv
      .pipe(z.array(z.string().min(1).max(100)))
      .optional()
      .describe('Comma-separated guide ids (with several guides, type numbers are per guide)'),
    inquiryType: csv
      .pipe(
        z.array(
          z
            .string()
            .regex(/^\d{1,4}$/, '숫자여야 합니다')
            .transform(Number),
        ),
      )
      .optional()
      .describe('Comma-separated inquiry types'),
    assignee: z
      .union([z.literal('me'), z.literal('none'), z.literal('disabled'), z.uuid()])
      .optional()
      .describe("'me', 'none' (unassigned), 'disabled' (held by a disabled account) or a user id"),
    overdue: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional()
      .describe('Only transfers past their business-hours due time (or retry time)'),
    kind: transferKindSchema.optional(),
    scope: z
      .enum(['mine', 'all'])
      .optional()
      .describe("'mine': transfers I filed. Default: all for the business team, mine for agents"),
    from: requestDateSchema('from은 YYYY-MM-DD 형식이어야 합니다')
      .optional()
      .describe('Filed on or after this Seoul date'),
    to: requestDateSchema('to는 YYYY-MM-DD 형식이어야 합니다')
      .optional()
      .describe('Filed on or before this Seoul date'),
    sort: z
      .enum(['urgency', 'recent'])
      .default('urgency')
      .describe(
        "'urgency' (default): open ones by due time, then contacted and closed ones, newest first; 'recent': the last changed first",
      ),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine(dateRangeOrder.check, dateRangeOrder.issue);

/** Parsed queue filters. */
export type ListTransfersQuery = z.output<typeof listTransfersQuerySchema>;
