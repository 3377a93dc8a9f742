import { z } from 'zod';
import { leadStatusSchema } from '../leads/leadStatusSchema.ts';
import { reportFigureSchema } from './reportFigureSchema.ts';
import { reportGroupBySchema } from './reportGroupBySchema.ts';
import { reportSeriesSchema } from './reportSeriesSchema.ts';

/**
 * `GET /api/v1/reports/summary`: every figure over the range with its formula, the figures over time
 * (`series`), and the breakdowns behind some of them (handle time per script path, the transfer
 * backlog by age, callback outcomes, leads by status).
 */
export const reportSummarySchema = z
  .object({
    from: z.string().describe('First Seoul date counted (YYYY-MM-DD)'),
    to: z.string().describe('Last Seoul date counted (YYYY-MM-DD)'),
    groupBy: reportGroupBySchema,
    timeZone: z.literal('Asia/Seoul'),
    generatedAt: z.string().describe('The instant "now" figures (backlog, overdue) were measured at'),
    repeatContactDays: z.number().int().describe('N of the repeat-contact window, in business days'),
    figures: z.array(reportFigureSchema),
    series: z.array(reportSeriesSchema),
    handleTimeByPath: z.array(
      z.object({
        key: z.string().describe('Pass as `segment` with figure=handleTime.median to list the records'),
        guideId: z.string(),
        scriptId: z.string().nullable(),
        inquiryType: z.number().int().nullable(),
        outcome: z.string().nullable(),
        path: z
          .array(z.object({ nodeId: z.string(), answer: z.string() }))
          .describe('The script steps and answers, as the consultation history stores them'),
        pathLabel: z
          .string()
          .describe(
            "The steps in the console's words, e.g. 등록 담당자 아님(N) → 문의 내용 청취 → 등록 연락처로 연락 동의(Y); by node id where the loaded guide lacks the script or step",
          ),
        count: z.number().int(),
        medianSeconds: z.number().nullable(),
        p90Seconds: z.number().nullable(),
      }),
    ),
    transferBacklogByAge: z.array(
      z.object({
        bucket: z.string().describe('Pass as `segment` with figure=transfer.backlog'),
        label: z.string(),
        count: z.number().int(),
      }),
    ),
    callbackOutcomes: z.array(
      z.object({
        outcome: z.string().describe('Pass as `segment` with figure=callbacks.attempts'),
        label: z.string(),
        count: z.number().int(),
      }),
    ),
    leadsByStatus: z.array(
      z.object({ status: leadStatusSchema, label: z.string(), count: z.number().int() }),
    ),
  })
  .meta({ id: 'ReportSummary' });

/** The summary as clients read it. */
export type ReportSummary = z.output<typeof reportSummarySchema>;
