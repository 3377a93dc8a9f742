import { z } from 'zod';

/**
 * A row beyond the person’s own records whose text names them — a transfer comment or status
 * note (on their transfer or another customer’s), a lead’s callback note, a KakaoTalk chat, an
 * e-mail, a webhook delivery — found by their phone (any format), e-mail or name as their own
 * records give it. Only where it is, not the text: it may be another customer's record. A
 * data-subject delete redacts these values ('[삭제됨]').
 */
export const subjectMentionSchema = z.object({
  table: z.string().describe('The table holding the row, e.g. transfer_comments, kakao_conversations'),
  id: z.string().describe('The row'),
  fields: z.array(z.string()).describe('The columns whose text names the person'),
});

/** One mention as find and export answer it. */
export type SubjectMention = z.output<typeof subjectMentionSchema>;
