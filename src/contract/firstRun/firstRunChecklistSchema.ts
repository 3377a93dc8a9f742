import { z } from 'zod';

const stepState = z
  .enum(['done', 'to-do', 'skipped'])
  .describe("'done' when the data the step asks for exists; 'skipped' when an admin chose to leave it");

// What every step carries besides its own facts: its state and who skipped it when.
const stepBase = {
  state: stepState,
  skippedAt: z.string().nullable(),
};

/** Where the inquiry types stand: each type needs a member on duty, else its transfers are filed unassigned. */
const unassignedTypeSchema = z.object({
  guideId: z.string(),
  guideLabel: z.string(),
  inquiryType: z.number().int(),
  label: z.string(),
});

/**
 * The first-run checklist (처음 설정 점검): each step's state is derived from the data itself —
 * business-team accounts, an assignee on duty for every inquiry type of every loaded guide, SMTP
 * configured with a test mail delivered, an uploaded brochure, the company closures reviewed — so
 * it stays right whatever screen or API changed the data. `complete` once every step is done or
 * skipped: admins then no longer land on it after signing in.
 */
export const firstRunChecklistSchema = z
  .object({
    steps: z.array(
      z.discriminatedUnion('id', [
        z.object({
          id: z.literal('business-team'),
          ...stepBase,
          activeAccounts: z.number().int().describe('Active business-team (backoffice) accounts'),
        }),
        z.object({
          id: z.literal('transfer-assignees'),
          ...stepBase,
          typesTotal: z.number().int(),
          typesAssigned: z.number().int().describe('Types with at least one active member on duty'),
          unassigned: z.array(unassignedTypeSchema),
        }),
        z.object({
          id: z.literal('smtp'),
          ...stepBase,
          configured: z.boolean().describe('SMTP_URL is set'),
          server: z
            .string()
            .nullable()
            .describe('The SMTP server (scheme, host and port; never credentials)'),
          lastTestMail: z
            .object({
              status: z.enum(['queued', 'sent', 'failed']),
              to: z.string().describe('The recipient, masked'),
              queuedAt: z.string(),
              sentAt: z.string().nullable(),
              lastError: z.string().nullable(),
            })
            .nullable(),
        }),
        z.object({
          id: z.literal('brochure'),
          ...stepBase,
          source: z.enum(['uploaded', 'default']).describe("'default': the shipped sample (샘플)"),
          fileName: z.string(),
          uploadedAt: z.string().nullable(),
        }),
        z.object({
          id: z.literal('closures'),
          ...stepBase,
          upcoming: z.number().int().describe('Closures from today on'),
          reviewedAt: z.string().nullable(),
        }),
      ]),
    ),
    remaining: z.number().int().describe('Steps neither done nor skipped'),
    complete: z.boolean(),
  })
  .meta({ id: 'FirstRunChecklist' });

/** The checklist as clients read it. */
export type FirstRunChecklist = z.output<typeof firstRunChecklistSchema>;
/** One step of it. */
export type FirstRunStep = FirstRunChecklist['steps'][number];
