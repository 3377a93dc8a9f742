import { z } from 'zod';

/** The application/problem+json body the server sends with every error. */
export const problemSchema = z.object({
  status: z.number().optional(),
  code: z.string().optional(),
  detail: z.string().optional(),
  title: z.string().optional(),
  errors: z.array(z.object({ where: z.string(), message: z.string() })).optional(),
});
