import { problemSchema } from '../../contract/common/problemSchema.ts';

/** Standard error responses for the OpenAPI document. */
export const problemResponses = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
};
