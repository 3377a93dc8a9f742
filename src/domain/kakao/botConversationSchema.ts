import { z } from 'zod';
import type { BotConversation } from './botConversation.ts';

const flowStateSchema = z.object({
  guideId: z.string(),
  guideVersion: z.string(),
  scriptId: z.string(),
  history: z.array(
    z.object({
      nodeId: z.string(),
      answer: z.enum(['yes', 'no', 'next', 'agreed', 'refused', 'open', 'closed']),
    }),
  ),
  currentNodeId: z.string(),
});

/** The stored form of a conversation, checked when it is read back (a row from an older release, or altered). */
export const botConversationSchema: z.ZodType<BotConversation> = z.object({
  guideId: z.string(),
  guideVersion: z.string(),
  stage: z.enum([
    'new',
    'confirm-type',
    'pick-type',
    'flow',
    'collect',
    'callback-consent',
    'callback-phone',
    'callback-inquiry',
    'resolved',
    'handed-off',
  ]),
  suggestedType: z.number().int().nullable(),
  inquiryType: z.number().int().nullable(),
  flow: flowStateSchema.nullable(),
  fieldIndex: z.number().int().min(0),
  collected: z.object({
    companyName: z.string().optional(),
    contactName: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    inquiry: z.string().optional(),
  }),
  consents: z.array(
    z.object({
      noticeId: z.string(),
      version: z.string(),
      agreed: z.boolean(),
      at: z.string(),
      purpose: z.enum(['script', 'callback']),
      items: z.array(z.string()).optional(),
    }),
  ),
  transcript: z.array(z.object({ from: z.enum(['customer', 'bot']), text: z.string(), at: z.string() })),
  businessHoursOpen: z.boolean().nullable(),
  callbackReason: z.enum(['transfer-end', 'handoff']).nullable(),
  handoffAfterType: z.boolean(),
  outcome: z
    .enum(['support-line', 'transfer', 'lead', 'declined', 'company-admin', 'handoff', 'callback-refused'])
    .nullable(),
});
