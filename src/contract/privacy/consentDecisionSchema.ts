import { z } from 'zod';

/** Answer of `POST /api/v1/consent/decide`: whether collecting the items needs consent, per item. */
export const consentDecisionSchema = z
  .object({
    consentRequired: z.boolean().describe('True when any item needs consent: read the consent notice'),
    items: z.array(
      z.object({
        field: z.string(),
        consentRequired: z.boolean(),
        rule: z.string().describe("'<rule id>: <Korean explanation>' (guide section 3)"),
      }),
    ),
  })
  .meta({ id: 'ConsentDecision' });
