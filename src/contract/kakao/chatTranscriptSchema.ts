import { z } from 'zod';

/**
 * `GET /api/v1/channels/kakao/consultations/{id}/transcript`: what the chatbot and the customer said
 * before an agent took over (customer text masked), the consent decisions and the inquiry type, so
 * the agent continues without asking again.
 */
export const chatTranscriptSchema = z
  .object({
    conversationId: z.uuid(),
    consultationId: z.uuid(),
    guideId: z.string(),
    inquiryType: z.number().int().nullable(),
    inquiryTypeLabel: z.string().nullable(),
    outcome: z.string().nullable(),
    consents: z.array(
      z.object({
        noticeId: z.string(),
        version: z.string(),
        agreed: z.boolean(),
        at: z.string(),
        purpose: z.enum(['script', 'callback']),
      }),
    ),
    turns: z.array(z.object({ from: z.enum(['customer', 'bot']), text: z.string(), at: z.string() })),
  })
  .meta({ id: 'ChatTranscript' });

/** A chat transcript. */
export type ChatTranscript = z.output<typeof chatTranscriptSchema>;
