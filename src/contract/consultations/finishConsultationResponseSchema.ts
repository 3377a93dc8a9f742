import { z } from 'zod';
import { duplicateLeadSchema } from '../leads/duplicateLeadSchema.ts';
import { leadSchema } from '../leads/leadSchema.ts';
import { transferSchema } from '../transfers/transferSchema.ts';
import { consultationSchema } from './consultationSchema.ts';

/** Answer of POST /consultations/{id}/finish: the saved consultation and what was filed with it. */
export const finishConsultationResponseSchema = z
  .object({
    consultation: consultationSchema,
    transfer: transferSchema
      .nullable()
      .describe('The transfer (이관) filed with it, if the path called for one'),
    lead: leadSchema
      .nullable()
      .describe('The sign-up lead filed with it (Q4-Y); its transfer is the lead’s, not `transfer`'),
    duplicateLeads: z
      .array(duplicateLeadSchema)
      .optional()
      .describe(
        'With a lead: earlier leads for the same company and e-mail within 30 days (a warning; the lead is filed all the same)',
      ),
  })
  .meta({ id: 'FinishConsultationResponse' });
