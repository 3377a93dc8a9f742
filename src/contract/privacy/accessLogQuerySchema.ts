import { z } from 'zod';
import { requestInstantSchema } from '../common/requestDateSchemas.ts';

/** Filters of an access-log search (query string of `GET /api/v1/access-log` and its CSV export). */
export const accessLogQuerySchema = z.strictObject({
  actor: z.string().trim().min(1).max(254).optional().describe('Account: user id or email'),
  action: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe("e.g. 'personal-data.reveal', 'user.created'"),
  subject: z.string().trim().min(1).max(200).optional().describe("e.g. 'consultation:<id>', 'user:<id>'"),
  phone: z.string().trim().min(1).max(40).optional().describe('Whose data: entries about this phone number'),
  email: z.email().max(254).optional().describe('Whose data: entries about this email address'),
  from: requestInstantSchema().optional().describe('From this instant (inclusive)'),
  to: requestInstantSchema().optional().describe('Until this instant (exclusive)'),
  beforeId: z.coerce.number().int().positive().optional().describe('Next page: entries older than this id'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Parsed filters. */
export type AccessLogQuery = z.output<typeof accessLogQuerySchema>;
