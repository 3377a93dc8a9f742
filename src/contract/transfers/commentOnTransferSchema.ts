import { z } from 'zod';

/** Body of `POST /api/v1/transfers/{id}/comments`. */
export const commentOnTransferSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, '댓글을 입력하세요')
    .max(4000)
    .describe("Text; '@이름' or '@email-local-part' mentions (and notifies) a person"),
});

/** Parsed comment. */
export type CommentOnTransferInput = z.output<typeof commentOnTransferSchema>;
