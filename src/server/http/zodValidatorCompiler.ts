import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';
import { RequestValidationError } from './RequestValidationError.ts';

/**
 * Fastify's validator compiler for zod schemas. Unlike fastify-type-provider-zod's own, it keeps
 * each issue's input (`reportInput`), so a missing field can be told from one of the wrong type,
 * and hands the issues on whole for localised wording (describeValidationIssue).
 */
export const zodValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = z.safeParse(schema, data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues) };
  };
