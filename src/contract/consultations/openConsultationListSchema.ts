import { z } from 'zod';
import { consultationDraftSchema } from './consultationDraftSchema.ts';
import { consultationSchema } from './consultationSchema.ts';

/** `GET /api/v1/consultations/open`: the caller's consultations still in progress, newest first, with their drafts. */
export const openConsultationListSchema = z
  .object({
    items: z.array(z.object({ consultation: consultationSchema, draft: consultationDraftSchema })),
  })
  .meta({ id: 'OpenConsultationList' });

/** The agent's open consultations. */
export type OpenConsultationList = z.output<typeof openConsultationListSchema>;
