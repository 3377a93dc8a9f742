import { z } from 'zod';
import { channelSchema } from '../common/channelSchema.ts';
import { personSchema } from '../common/personSchema.ts';
import { consultationStatusSchema } from '../consultations/consultationStatusSchema.ts';
import { callbackOutcomeSchema } from '../leads/callbackOutcomeSchema.ts';
import { leadStatusSchema } from '../leads/leadStatusSchema.ts';
import { transferStatusSchema } from '../transfers/transferStatusSchema.ts';

/** A consultation behind a consultation, handle-time, transfer-rate or repeat-contact figure (masked). */
export const reportConsultationRecordSchema = z.object({
  kind: z.literal('consultation'),
  id: z.uuid().describe('Reveal its caller number with POST /api/v1/consultations/{id}/reveal'),
  status: consultationStatusSchema,
  channel: channelSchema,
  guideId: z.string(),
  scriptId: z.string().nullable(),
  inquiryType: z.number().int().nullable(),
  outcome: z.string().nullable(),
  agent: personSchema,
  callerNumber: z.string().nullable().describe('Masked (010-****-5678)'),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  abandonedAt: z.string().nullable(),
  handleSeconds: z.number().nullable().describe('Completion minus start, in seconds'),
  transfer: z.object({ id: z.uuid(), number: z.string(), kind: z.enum(['transfer', 'lead']) }).nullable(),
  repeatedBy: z
    .object({ id: z.uuid(), startedAt: z.string() })
    .nullable()
    .describe('The next consultation of the same caller and type within the repeat window'),
});

/** A transfer behind a transfer SLA or backlog figure (masked). */
export const reportTransferRecordSchema = z.object({
  kind: z.literal('transfer'),
  id: z.uuid().describe('Reveal with POST /api/v1/transfers/{id}/reveal'),
  number: z.string(),
  transferKind: z.enum(['transfer', 'lead']),
  status: transferStatusSchema,
  guideId: z.string(),
  inquiryType: z.number().int(),
  channel: channelSchema,
  companyName: z.string(),
  contactName: z.string().describe('Masked'),
  phone: z.string().nullable().describe('Masked'),
  filedBy: personSchema,
  consultationId: z.uuid().nullable(),
  createdAt: z.string(),
  dueAt: z.string(),
  contactedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  sla: z.enum(['met', 'breached', 'pending']).describe('Against the due time (business hours)'),
  ageBusinessMinutes: z.number().int().describe('Business minutes from filing to now (or to contact/close)'),
});

/** A lead behind a callback or lead figure (masked); with the attempt for callbacks.attempts. */
export const reportLeadRecordSchema = z.object({
  kind: z.literal('lead'),
  id: z.uuid().describe('Reveal with POST /api/v1/leads/{id}/reveal'),
  transferId: z.uuid(),
  status: leadStatusSchema,
  guideId: z.string(),
  companyName: z.string(),
  contactName: z.string().describe('Masked'),
  phone: z.string().describe('Masked'),
  createdAt: z.string(),
  callbackDueAt: z.string().nullable(),
  callbackAttempts: z.number().int(),
  lastOutcome: callbackOutcomeSchema.nullable(),
  attempt: z
    .object({
      attempt: z.number().int(),
      outcome: callbackOutcomeSchema,
      at: z.string(),
      dueAt: z.string().nullable(),
    })
    .nullable(),
});

/** A missed call (CTI) behind a missed-callback figure (masked). */
export const reportMissedCallRecordSchema = z.object({
  kind: z.literal('missed-call'),
  id: z
    .uuid()
    .describe(
      'The call; the business team reveals its number with POST /api/v1/cti/missed-calls/{id}/reveal',
    ),
  callerNumber: z.string().nullable().describe('Masked (010-****-5678); null once erased'),
  queue: z.string().nullable(),
  startedAt: z.string(),
  callbackStatus: z.enum(['open', 'done', 'erased']),
  callbackDueAt: z.string(),
  callbackDoneAt: z.string().nullable(),
  callbackDoneBy: personSchema.nullable(),
});

/** One record behind a figure: a consultation, a transfer, a lead or a missed call, told apart by `kind`. */
export const reportRecordSchema = z
  .discriminatedUnion('kind', [
    reportConsultationRecordSchema,
    reportTransferRecordSchema,
    reportLeadRecordSchema,
    reportMissedCallRecordSchema,
  ])
  .meta({ id: 'ReportRecord' });

/** One drill-down record as clients read it. */
export type ReportRecord = z.output<typeof reportRecordSchema>;
