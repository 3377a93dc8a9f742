import { guideIdSchema } from '../common/guideIdSchema.ts';
import { suggestRequestSchema } from './suggestRequestSchema.ts';

/** Body of `POST /api/v1/assist/suggest`: what the caller said, and optionally the guide to suggest from. */
export const suggestInquiryRequestSchema = suggestRequestSchema.extend({
  guideId: guideIdSchema
    .optional()
    .describe('Suggest from one guide; default: every guide with example utterances'),
});
