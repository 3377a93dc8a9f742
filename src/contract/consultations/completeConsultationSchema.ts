import { z } from 'zod';
import { guideIdSchema } from '../common/guideIdSchema.ts';
import { flowAnswerSchema } from './flowAnswerSchema.ts';

const field = (max: number) => z.string().max(max).default('');

/** Body of `POST /api/v1/consultations/{id}/complete`: the path taken and the record as the agent left it. */
export const completeConsultationSchema = z.object({
  guideId: guideIdSchema
    .optional()
    .describe(
      'The guide the agent picked the type from, when it is not the one the consultation started on (several guides); default: that one',
    ),
  scriptId: z.string().min(1).max(64),
  inquiryType: z.number().int().min(1).describe("One of the guide's type numbers"),
  history: z.array(z.object({ nodeId: z.string().min(1).max(128), answer: flowAnswerSchema })).max(200),
  /** The business-hours state the console showed when the script routed the caller. */
  businessHoursOpen: z.boolean().optional(),
  record: z.object({
    summary: field(200),
    companyName: field(200),
    contactName: field(100),
    phone: field(40),
    inquiry: field(4000),
    /** 상담제목 as the agent left it (editable). */
    title: z.string().trim().min(1, '상담제목을 입력하세요').max(300),
    /** 상담내용 as the agent left it (editable). */
    body: z.string().trim().min(1, '상담내용을 입력하세요').max(8000),
  }),
});

/** Parsed input of completeConsultation. */
export type CompleteConsultationInput = z.output<typeof completeConsultationSchema>;
