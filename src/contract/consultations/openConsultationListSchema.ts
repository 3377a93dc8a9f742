import { z } from 'zod';
import { consultationDraftSchema } from './consultationDraftSchema.ts';
import { consultationSchema } from './consultationSchema.ts';
import { startedConsultationSchema } from './startedConsultationSchema.ts';

/** `GET /api/v1/consultations/open`: the caller's consultations still in progress, newest first, with their drafts. */
export const openConsultationListSchema = z
  .object({
    items: z.array(
      z.object({
        consultation: consultationSchema,
        draft: consultationDraftSchema,
        // As the start answered it: the consultation's own agent resumes the call from here.
        callerContact: startedConsultationSchema.shape.callerContact,
      }),
    ),
  })
  .meta({ id: 'OpenConsultationList' });

/** The agent's open consultations. */
export type OpenConsultationList = z.output<typeof openConsultationListSchema>;
