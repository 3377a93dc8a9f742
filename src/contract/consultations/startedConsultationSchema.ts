import type { z } from 'zod';
import { callerContactSchema } from './callerContactSchema.ts';
import { consultationSchema } from './consultationSchema.ts';

/** `POST /api/v1/consultations` (201): the consultation, and who the directory says the caller is. */
export const startedConsultationSchema = consultationSchema
  .extend({
    callerContact: callerContactSchema
      .nullable()
      .describe(
        "The caller by the business directory, when a callerNumber was given and an active account's contact lists it: the record's 기업명 and 담당자 이름 start from it",
      ),
  })
  .meta({ id: 'StartedConsultation' });

/** A consultation as its agent just started it. */
export type StartedConsultation = z.output<typeof startedConsultationSchema>;
