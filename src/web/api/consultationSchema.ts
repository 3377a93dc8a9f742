import { z } from 'zod';

const flowEntrySchema = z.object({
  nodeId: z.string(),
  answer: z.enum(['yes', 'no', 'next', 'open', 'closed', 'agreed', 'refused']),
});

/**
 * A consultation as the API returns it. Fields the console only displays are lenient (nullish)
 * so that an additive server change never blanks the agent's screen.
 */
export const consultationSchema = z.object({
  id: z.string(),
  channel: z.enum(['call', 'chat']),
  callerNumber: z.string().nullish(),
  status: z.enum(['open', 'completed']),
  guideId: z.string(),
  guideVersion: z.string().nullish(),
  scriptId: z.string().nullish(),
  inquiryType: z.number().nullish(),
  history: z.array(flowEntrySchema).nullish(),
  outcome: z.string().nullish(),
  businessHoursOpen: z.boolean().nullish(),
  record: z.object({ category: z.string(), title: z.string(), body: z.string() }).nullish(),
  agent: z.object({ id: z.string(), name: z.string() }).nullish(),
  startedAt: z.string(),
  completedAt: z.string().nullish(),
});

export type Consultation = z.infer<typeof consultationSchema>;

/** `GET /api/v1/consultations`. */
export const consultationListSchema = z.object({ items: z.array(consultationSchema) });
