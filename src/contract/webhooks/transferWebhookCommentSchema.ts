import { z } from 'zod';

/**
 * The `comment` of a `transfer.commented` webhook's `data`: the comment as posted (its body masked
 * for a subscription without personal data), whom it mentioned — each notified — and each '@word'
 * that named nobody, as `POST /api/v1/transfers/{id}/comments` answered the writer, so an
 * integration learns too that a mention went nowhere.
 */
export const transferWebhookCommentSchema = z
  .object({
    id: z.uuid(),
    body: z.string().describe('As written; masked (names, numbers) without includePersonalData'),
    mentionedIds: z.array(z.uuid()).describe('The people mentioned, each notified'),
    unresolvedMentions: z
      .array(z.string())
      .describe(
        "Each '@word' that matched nobody, as typed (without the '@'; masked as the body is without includePersonalData); nobody was notified for it",
      ),
  })
  .meta({ id: 'TransferWebhookComment' });

/** A webhook's comment as ieum sends it and receivers read it. */
export type TransferWebhookComment = z.output<typeof transferWebhookCommentSchema>;
