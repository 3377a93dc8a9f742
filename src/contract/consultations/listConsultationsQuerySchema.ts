import { z } from 'zod';

/** Query of `GET /api/v1/consultations`: the caller's own (mine) or everyone's (roles that read all). */
export const listConsultationsQuerySchema = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  includeAbandoned: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true')
    .describe('Also list consultations abandoned for idleness (hidden by default)'),
});

/** Parsed list options. */
export type ListConsultationsQuery = z.output<typeof listConsultationsQuerySchema>;
