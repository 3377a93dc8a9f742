import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { mentionCandidateListSchema } from '../../../contract/transfers/mentionCandidateListSchema.ts';
import { revealedTransferSchema } from '../../../contract/transfers/revealedTransferSchema.ts';
import { revealTransferSchema } from '../../../contract/transfers/revealTransferSchema.ts';
import { transferDetailSchema } from '../../../contract/transfers/transferDetailSchema.ts';
import { transferFilingPreviewSchema } from '../../../contract/transfers/transferFilingPreviewSchema.ts';
import { transferPageSchema } from '../../../contract/transfers/transferPageSchema.ts';
import type { TransferStatus } from '../../../contract/transfers/transferStatusSchema.ts';
import { requestJson } from '../../api/requestJson.ts';
import { useLiveRefresh } from '../../api/useLiveRefresh.ts';
import { movesPreviewOf } from './movesPreviewOf.ts';

/** Queue filters as the screen holds them. */
export type QueueFilters = {
  status: TransferStatus[];
  /** A guide id; with several guides, type numbers are per guide. */
  guideId?: string | null;
  /** A type number, or `<guide id>:<number>` when several guides are loaded. */
  inquiryType: string | null;
  /** 'disabled': held by a disabled account (nobody is working them). */
  assignee: 'all' | 'me' | 'none' | 'disabled';
  overdue: boolean;
  scope?: 'mine';
  kind?: 'transfer' | 'lead';
  sort?: 'urgency' | 'recent';
  /** Filed on or after / on or before these Seoul dates ('YYYY-MM-DD'). */
  from?: string;
  to?: string;
  /** One page: 200 rows from the first unless said otherwise. */
  limit?: number;
  offset?: number;
};

/** Query keys of this area; every live transfer event invalidates `transferKeys.all`. */
export const transferKeys = {
  all: ['transfers'] as const,
  list: (filters: QueueFilters) => ['transfers', 'list', filters] as const,
  detail: (id: string) => ['transfers', 'detail', id] as const,
  previews: ['transfers', 'preview'] as const,
  preview: (guideId: string, inquiryType: number, guideVersion: string) =>
    ['transfers', 'preview', guideId, inquiryType, guideVersion] as const,
  mentionCandidates: (id: string) => ['transfers', 'mention-candidates', id] as const,
};

function listPath(filters: QueueFilters): string {
  const params = new URLSearchParams({ limit: String(filters.limit ?? 200) });
  if (filters.offset) params.set('offset', String(filters.offset));
  if (filters.status.length > 0) params.set('status', filters.status.join(','));
  const [typeGuide, typeNumber] = filters.inquiryType?.includes(':')
    ? filters.inquiryType.split(':')
    : [undefined, filters.inquiryType];
  const guideId = typeGuide ?? filters.guideId;
  if (guideId) params.set('guideId', guideId);
  if (typeNumber) params.set('inquiryType', typeNumber);
  if (filters.assignee !== 'all') params.set('assignee', filters.assignee);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.scope) params.set('scope', filters.scope);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  return `/api/v1/transfers?${params.toString()}`;
}

/** The queue page; refreshed every minute so the business-hours time left keeps counting. */
export function useTransferList(filters: QueueFilters) {
  return useQuery({
    queryKey: transferKeys.list(filters),
    queryFn: ({ signal }) => requestJson({ path: listPath(filters), schema: transferPageSchema, signal }),
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

/**
 * What moves a transfer preview (`transfer.rotation-moved`): a colleague's filing turned the
 * rotation, an admin changed the type's assignees or SLA, or an assignee's account was disabled or
 * enabled. The agent's own filings come as `transfer.filed`, which refreshes every transfer query.
 */
const PREVIEW_MOVING_EVENTS = ['transfer.rotation-moved'] as const;

/**
 * Who a transfer of this type would be assigned to (the mention) and when it would be due, kept
 * current while the form is open: the next assignee shown is the one the filing will pick.
 */
export function useTransferPreview(guide: { id: string; version: string }, inquiryType: number | null) {
  const concerns = useMemo(() => movesPreviewOf(guide.id, inquiryType ?? 0), [guide.id, inquiryType]);
  useLiveRefresh(transferKeys.previews, PREVIEW_MOVING_EVENTS, inquiryType !== null, concerns);
  return useQuery({
    queryKey: transferKeys.preview(guide.id, inquiryType ?? 0, guide.version),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/transfers/preview?${new URLSearchParams({
          guideId: guide.id,
          inquiryType: String(inquiryType),
          guideVersion: guide.version,
        })}`,
        schema: transferFilingPreviewSchema,
        signal,
      }),
    enabled: inquiryType !== null,
  });
}

/** Who a comment on the transfer can '@' mention (its completion list and the unresolved-mention warning). */
export function useMentionCandidates(id: string | null) {
  return useQuery({
    queryKey: transferKeys.mentionCandidates(id ?? ''),
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/transfers/${encodeURIComponent(id ?? '')}/mention-candidates`,
        schema: mentionCandidateListSchema,
        signal,
      }),
    select: (data) => data.items,
    enabled: id !== null,
    staleTime: 5 * 60_000,
  });
}

/** Reveals a transfer's contact (name, phone, e-mail, inquiry) with a reason (logged in the access log). */
export function revealTransferRequest(id: string, reason: string) {
  return requestJson({
    method: 'POST',
    path: `/api/v1/transfers/${encodeURIComponent(id)}/reveal`,
    bodySchema: revealTransferSchema,
    body: { reason },
    schema: revealedTransferSchema,
  });
}
