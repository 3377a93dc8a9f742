import type { z } from 'zod';
import { callerContactSchema } from './callerContactSchema.ts';
import { consultationSchema } from './consultationSchema.ts';

/** `POST /api/v1/consultations` (201): the consultation, and who the directory says the caller is. */
export const startedConsultationSchema = consultationSchema
  .extend({
    callerContact: callerContactSchema
      .nullable()
      .describe(
        "The caller by the business directory, when contacts of one active account list the caller number: the record's 기업명 starts from it and 담당자 이름 is hinted (masked); null otherwise",
      ),
  })
  .meta({ id: 'StartedConsultation' });

/** A consultation as its agent just started it. */
export type StartedConsultation = z.output<typeof startedConsultationSchema>;
