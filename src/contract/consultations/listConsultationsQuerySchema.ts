import { z } from 'zod';

/** Query of `GET /api/v1/consultations`: the caller's own (mine) or everyone's (roles that read all). */
export const listConsultationsQuerySchema = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

/** Parsed list options. */
export type ListConsultationsQuery = z.output<typeof listConsultationsQuerySchema>;
