import { z } from 'zod';
import { companyStatusSchema } from './companyStatusSchema.ts';

/**
 * Query of `GET /api/v1/companies`. `q` finds companies by 기업명 (part of it, spacing and (주)
 * ignored) or its 초성 (ㄴㄹㅌㅋ), by 사업자등록번호 (its first digits), by a contact's phone or
 * e-mail (exact, any format), or by a contact's whole name or its whole 초성 (김민수, ㄱㅁㅅ).
 */
export const listCompaniesQuerySchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: companyStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Parsed query. */
export type ListCompaniesQuery = z.output<typeof listCompaniesQuerySchema>;
