import { z } from 'zod';
import { callerContactSchema } from './callerContactSchema.ts';
import { consultationDraftSchema } from './consultationDraftSchema.ts';
import { consultationSchema } from './consultationSchema.ts';

/** `GET /api/v1/consultations/open`: the caller's consultations still in progress, newest first, with their drafts. */
export const openConsultationListSchema = z
  .object({
    items: z.array(
      z.object({
        consultation: consultationSchema,
        draft: consultationDraftSchema,
        callerContact: callerContactSchema
          .nullable()
          .describe(
            "The caller by the business directory, when an active account's contact lists the caller number: the record's 기업명 and 담당자 이름 start from it",
          ),
      }),
    ),
  })
  .meta({ id: 'OpenConsultationList' });

/** The agent's open consultations. */
export type OpenConsultationList = z.output<typeof openConsultationListSchema>;
