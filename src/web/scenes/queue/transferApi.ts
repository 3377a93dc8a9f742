import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { requestJson } from '../../api/requestJson.ts';

const statusSchema = z.enum(['received', 'in-progress', 'contacted', 'unreachable', 'closed']);
const person = z.object({ id: z.string(), name: z.string() });

/** A workflow state of a transfer. */
export type TransferStatus = z.infer<typeof statusSchema>;

/** `Transfer` from the API (personal data masked). */
export const transferSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(['transfer', 'lead']),
  status: statusSchema,
  statusLabel: z.string(),
  nextStatuses: z.array(statusSchema),
  inquiryType: z.number(),
  inquiryTypeLabel: z.string(),
  channel: z.enum(['call', 'chat']),
  companyName: z.string(),
  contactName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  inquiry: z.string(),
  masked: z.boolean(),
  consultationId: z.string().nullable(),
  filedBy: person,
  assignee: person.nullable(),
  dueAt: z.string(),
  retryAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sla: z.object({
    state: z.enum(['running', 'overdue', 'met']),
    targetAt: z.string().nullable(),
    businessMinutesLeft: z.number().nullable(),
    asOf: z.string(),
  }),
});
/** A transfer as screens use it. */
export type Transfer = z.infer<typeof transferSchema>;

/** A transfer with its history and comments. */
export const transferDetailSchema = transferSchema.extend({
  leadId: z.string().nullable().optional(),
  history: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actor: person.nullable(),
      action: z.string(),
      summary: z.string(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.string(),
      author: person,
      body: z.string(),
      mentions: z.array(person),
      createdAt: z.string(),
    }),
  ),
});
/** The detail drawer's data. */
export type TransferDetail = z.infer<typeof transferDetailSchema>;

const pageSchema = z.object({
  items: z.array(transferSchema),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  asOf: z.string(),
});

/** What filing would do now. */
export const previewSchema = z.object({
  inquiryType: z.number(),
  assignee: person.nullable(),
  dueAt: z.string(),
});

/** People who can be assignees (from transfer settings). */
const settingsSchema = z.object({
  candidates: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});

/** Queue filters as the screen holds them. */
export type QueueFilters = {
  status: TransferStatus[];
  inquiryType: string | null;
  assignee: 'all' | 'me' | 'none';
  overdue: boolean;
  scope?: 'mine';
};

/** Query keys of this area; every live transfer event invalidates `transferKeys.all`. */
export const transferKeys = {
  all: ['transfers'] as const,
  list: (filters: QueueFilters) => ['transfers', 'list', filters] as const,
  detail: (id: string) => ['transfers', 'detail', id] as const,
  preview: (inquiryType: number) => ['transfers', 'preview', inquiryType] as const,
  candidates: ['transfer-settings', 'candidates'] as const,
};

function listPath(filters: QueueFilters): string {
  const params = new URLSearchParams({ limit: '200' });
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  if (filters.inquiryType) params.set('inquiryType', filters.inquiryType);
  if (filters.assignee !== 'all') params.set('assignee', filters.assignee);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.scope) params.set('scope', filters.scope);
  return `/api/v1/transfers?${params.toString()}`;
}

/** The queue page; refreshed every minute so the business-hours time left keeps counting. */
export function useTransferList(filters: QueueFilters) {
  return useQuery({
    queryKey: transferKeys.list(filters),
    queryFn: ({ signal }) => requestJson({ path: listPath(filters), schema: pageSchema, signal }),
    refetchInterval: 60_000,
    placeholderData: (previous) => previous,
  });
}

/** One transfer with history and comments. */
export function useTransferDetail(id: string | null) {
  return useQuery({
    queryKey: transferKeys.detail(id ?? ''),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/transfers/${encodeURIComponent(id ?? '')}`,
        schema: transferDetailSchema,
        signal,
      }),
    enabled: id !== null,
  });
}

/** Who a transfer of this type would be assigned to (the mention) and when it would be due. */
export function useTransferPreview(inquiryType: number | null) {
  return useQuery({
    queryKey: transferKeys.preview(inquiryType ?? 0),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/transfers/preview?inquiryType=${inquiryType}`,
        schema: previewSchema,
        signal,
      }),
    enabled: inquiryType !== null,
  });
}

/** Business-team members, for the assignee filter and reassignment. */
export function useAssigneeCandidates(enabled: boolean) {
  return useQuery({
    queryKey: transferKeys.candidates,
    queryFn: ({ signal }) =>
      requestJson({ path: '/api/v1/transfer-settings', schema: settingsSchema, signal }),
    select: (data) => data.candidates,
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** Files a transfer; the key makes a retried request return the same transfer. */
export function fileTransferRequest(
  body: Record<string, unknown>,
  idempotencyKey: string,
): Promise<Transfer> {
  return requestJson({
    method: 'POST',
    path: '/api/v1/transfers',
    body,
    headers: { 'idempotency-key': idempotencyKey },
    schema: transferSchema,
  });
}
