import { z } from 'zod';
import { assigneeSchema } from '../common/assigneeSchema.ts';
import { channelSchema } from '../common/channelSchema.ts';
import { personSchema } from '../common/personSchema.ts';
import { erasureReasonSchema } from '../privacy/erasureReasonSchema.ts';
import { transferKindSchema } from './transferKindSchema.ts';
import { transferStatusSchema } from './transferStatusSchema.ts';

/** A transfer as the API returns it (OpenAPI component 'Transfer'); personal data masked unless `masked` is false. */
export const transferSchema = z
  .object({
    id: z.uuid(),
    number: z.string().describe("For people: 'T-2026-000123'"),
    kind: transferKindSchema,
    status: transferStatusSchema,
    statusLabel: z.string().describe('접수 / 처리중 / 연락완료 / 연락불가 / 종결'),
    nextStatuses: z.array(transferStatusSchema).describe('Statuses the workflow allows next'),
    guideId: z.string().describe('The guide whose inquiry types and channels classify the transfer'),
    guideLabel: z.string().describe("The guide's heading (비즈니스 문의)"),
    inquiryType: z.number().int().describe("One of the guide's type numbers"),
    inquiryTypeLabel: z.string(),
    channel: channelSchema,
    companyName: z.string().describe('기업명'),
    contactName: z.string().describe('담당자 이름 — masked (홍*동) unless `masked` is false'),
    phone: z.string().nullable().describe('연락처 — masked (010-****-5678) unless `masked` is false'),
    email: z.string().nullable().describe('Masked (ab***@example.com) unless `masked` is false'),
    inquiry: z.string().describe('문의 내용 — phone numbers and addresses in it masked'),
    reachVia: z
      .enum(['registered-contact'])
      .nullable()
      .describe(
        "'registered-contact': call the contact registered for the business account (카카오 T 앱 등록 연락처) — the caller agreed to be called there, and no number was taken down; null: the phone or e-mail given",
      ),
    masked: z.boolean(),
    consultationId: z.uuid().nullable(),
    filedBy: personSchema,
    assignee: assigneeSchema.nullable(),
    dueAt: z.string().describe('SLA due time (business calendar)'),
    retryAt: z.string().nullable().describe('When to call again (연락불가 only)'),
    contactedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    personalDataErasedAt: z
      .string()
      .nullable()
      .describe(
        'When contact name, phone, e-mail, inquiry and comment bodies were erased (they read empty); an open transfer closes then',
      ),
    personalDataErasedBecause: erasureReasonSchema
      .nullable()
      .describe(
        'Why they were erased: the retention period ended or the data subject asked; null while not erased (or for an erasure older than the reason was kept)',
      ),
    sla: z.object({
      state: z.enum(['running', 'overdue', 'met']),
      targetAt: z.string().nullable().describe('Due time, or the retry time while 연락불가; null once met'),
      businessMinutesLeft: z
        .number()
        .int()
        .nullable()
        .describe('Open business minutes left (negative: overdue by); null once met'),
      asOf: z.string(),
    }),
  })
  .meta({ id: 'Transfer' });

/** A transfer as clients read it. */
export type Transfer = z.output<typeof transferSchema>;
