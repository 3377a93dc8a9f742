import { z } from 'zod';

/** Where in the request a problem was found, and what was wrong there. */
export const problemDetailSchema = z.object({ where: z.string(), message: z.string() });

/** The application/problem+json body of every error answer (RFC 9457) with a stable `code`. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(problemDetailSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457) with a stable code' });

/** An error answer as clients read it. */
export type Problem = z.output<typeof problemSchema>;
