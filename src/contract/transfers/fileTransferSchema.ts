import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';
import { guideIdSchema } from '../common/guideIdSchema.ts';
import { transferKindSchema } from './transferKindSchema.ts';

/** Body of `POST /api/v1/transfers`: fields left out are pre-filled from the consultation record. */
export const fileTransferSchema = z.object({
  consultationId: z
    .uuid('상담 id 형식이 올바르지 않습니다')
    .optional()
    .describe('The consultation the transfer comes from; its record pre-fills the fields below'),
  kind: transferKindSchema
    .optional()
    .describe(
      "'lead' for a sign-up lead (Q4), only under a type whose script takes sign-ups; default from the consultation ('lead' for a Q4-Y call filed under its own type)",
    ),
  guideId: guideIdSchema
    .optional()
    .describe(
      "The guide whose inquiry types and channels apply; default: the consultation's, else the default guide",
    ),
  inquiryType: z.number().int().min(1).optional().describe("이관 유형: one of the guide's type numbers"),
  channel: channelSchema
    .optional()
    .describe("One of the guide's channels; default: the consultation's, else the guide's first"),
  companyName: z.string().max(200).optional().describe('기업명'),
  contactName: z.string().max(100).optional().describe('담당자 이름'),
  phone: z.string().max(40).optional().describe('연락처'),
  email: z.string().max(254).optional().describe('이메일주소 (sign-up brochure)'),
  inquiry: z.string().max(4000).optional().describe('문의 내용'),
  reachVia: z
    .enum(['registered-contact'])
    .optional()
    .describe(
      "'registered-contact': the team calls the business account's registered contact (the caller agreed to it), so phone and e-mail may be left out — 기업명 is needed instead. Left out: a phone or e-mail is needed (POST /consultations/{id}/finish sets it when the path's end is such a callback and none was given)",
    ),
});

/** Parsed input of fileTransfer. */
export type FileTransferInput = z.output<typeof fileTransferSchema>;
