import { z } from 'zod';
import { completeConsultationSchema } from './completeConsultationSchema.ts';

/**
 * Body of POST /consultations/{id}/finish: the body of /complete, plus what filing needs that the
 * record does not hold. One request saves the record and files the transfer or sign-up lead.
 */
export const finishConsultationRequestSchema = completeConsultationSchema
  .extend({
    fileTransfer: z
      .boolean()
      .optional()
      .describe(
        "Whether to file what the path's outcome calls for: a transfer (이관) for 'transfer', the sign-up lead for 'lead'. Default: what the outcome implies; true on another outcome files a transfer anyway (the agent promised a callback); false files nothing.",
      ),
    email: z
      .string()
      .max(254)
      .optional()
      .describe(
        "이메일주소: where the sign-up brochure goes (lead; default the collected 'email'), or the transfer's contact address",
      ),
    businessNumber: z
      .string()
      .max(20)
      .optional()
      .describe('사업자등록번호 of a sign-up lead (optional), checked by its check digit'),
    draftRevision: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .optional()
      .describe(
        'The highest draft revision (PUT …/draft) this body was made from: what the client saved or loaded, 0 for none. A consultation whose stored draft is newer — a correction saved from another tab or device — is not finished: 409 at /draftRevision, nothing written. Omitted: not checked',
      ),
    collected: z
      .object({
        companyName: z.string().max(200).optional(),
        contactName: z.string().max(100).optional(),
        phone: z.string().max(40).optional(),
        email: z.string().max(254).optional(),
        inquiry: z.string().max(4000).optional(),
      })
      .optional()
      .describe(
        "Values taken down at the script's collect nodes (Q4: 업체명, 담당자, 연락처, 이메일주소). A sign-up lead is filed with these, falling back to the record's fields",
      ),
  })
  .meta({ id: 'FinishConsultationRequest' });
