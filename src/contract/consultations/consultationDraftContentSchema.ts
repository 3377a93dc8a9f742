import { z } from 'zod';
import { guideIdSchema } from '../common/guideIdSchema.ts';
import { flowAnswerSchema } from './flowAnswerSchema.ts';

const text = (max: number) => z.string().max(max).optional();

/**
 * What a consultation in progress holds besides its row, as the console saves it while the agent
 * goes (debounced) and resumes it on any tab or machine ("이어서 진행"): the script and type chosen,
 * the path so far, the values taken at collect nodes, the record as typed, and the transfer choice.
 * Stored encrypted: it carries names, phone numbers and e-mail addresses.
 */
export const consultationDraftContentSchema = z
  .object({
    scriptId: z.string().min(1).max(64).nullable().describe('The script open now; null while picking a type'),
    guideId: guideIdSchema
      .nullable()
      .optional()
      .describe('The guide of the type picked (several guides); absent: the consultation’s'),
    inquiryType: z.number().int().min(1).nullable(),
    history: z
      .array(z.object({ nodeId: z.string().min(1).max(128), answer: flowAnswerSchema }))
      .max(200)
      .describe('The path so far, as POST …/finish will take it'),
    businessHoursOpen: z.boolean().nullable().optional(),
    collected: z
      .object({
        companyName: text(200),
        contactName: text(100),
        phone: text(40),
        email: text(254),
        inquiry: text(4000),
      })
      .default({}),
    record: z
      .object({
        summary: text(200),
        companyName: text(200),
        contactName: text(100),
        phone: text(40),
        inquiry: text(4000),
        title: text(300),
        body: text(8000),
      })
      .default({})
      .describe('The record form as typed so far'),
    transfer: z
      .object({ file: z.boolean(), email: z.string().max(254) })
      .nullable()
      .default(null)
      .describe('The transfer choice at the end of the script, once the agent touched it'),
    businessNumber: text(20),
  })
  .meta({ id: 'ConsultationDraftContent' });

/** A draft's content. */
export type ConsultationDraftContent = z.output<typeof consultationDraftContentSchema>;
