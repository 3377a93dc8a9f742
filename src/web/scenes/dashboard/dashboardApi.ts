import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { channelSchema } from '../../../contract/common/channelSchema.ts';
import { exportReportRequestSchema } from '../../../contract/reports/exportReportRequestSchema.ts';
import { liveFloorEventTypes } from '../../../contract/reports/liveFloorEventTypes.ts';
import { liveFloorSchema } from '../../../contract/reports/liveFloorSchema.ts';
import { reportRecordsPageSchema } from '../../../contract/reports/reportRecordsPageSchema.ts';
import { reportSummarySchema } from '../../../contract/reports/reportSummarySchema.ts';
import { accountListSchema } from '../../../contract/users/accountListSchema.ts';
import type { ReportFigureId, ReportGroupBy } from '../../../domain/report/reportFigureIds.ts';
import { downloadCsv } from '../../api/downloadCsv.ts';
import { liveEventSource } from '../../api/liveEventSource.ts';
import { refreshLiveQuery } from '../../api/refreshLiveQuery.ts';
import { requestJson } from '../../api/requestJson.ts';
import { useLocale } from '../../i18n/useLocale.ts';

/** The dashboard's filters as the report endpoints take them (empty fields are left out). */
export type ReportFilters = {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  guideId: string;
  inquiryType: string;
  channel: string;
  agentId: string;
};

/** What one drill-down lists: a figure, optionally one series point (`bucket`) or breakdown segment. */
export type DrillDown = { figure: ReportFigureId; bucket?: string; segment?: string; title: string };

const dashboardKeys = {
  floor: ['reports', 'floor'] as const,
  summary: (filters: ReportFilters) => ['reports', 'summary', filters] as const,
  records: (filters: ReportFilters, drill: DrillDown, offset: number) =>
    [
      'reports',
      'records',
      filters,
      drill.figure,
      drill.bucket ?? null,
      drill.segment ?? null,
      offset,
    ] as const,
  agents: ['reports', 'agents'] as const,
};

/** The filters as query parameters; empty ones are left out (the server's defaults apply). */
export function reportParams(filters: ReportFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return params;
}

/** The CSV of the filtered consultations, one row each (masked for supervisors; every export is logged). */
export function reportExportPath(filters: ReportFilters): string {
  const params = reportParams(filters);
  params.delete('groupBy');
  return `/api/v1/reports/export.csv?${params.toString()}`;
}

/**
 * Downloads the same CSV with the reason for it (kept in the access log): what a role that gets the
 * caller numbers in clear sends instead of following the plain link. Empty filters are left out.
 */
export function exportReportWithReason(filters: ReportFilters, reason: string): Promise<string> {
  // The channel comes from the form's list of the guides' channels; anything else is left out.
  const channel = channelSchema.safeParse(filters.channel);
  return downloadCsv({
    path: '/api/v1/reports/export.csv',
    bodySchema: exportReportRequestSchema,
    body: {
      from: filters.from || undefined,
      to: filters.to || undefined,
      guideId: filters.guideId || undefined,
      inquiryType: filters.inquiryType || undefined,
      channel: channel.success ? channel.data : undefined,
      agentId: filters.agentId || undefined,
      reason,
    },
    fallbackFileName: 'report.csv',
  });
}

/**
 * Every figure with its formula and the series over the filtered range. The server words the
 * formulas in the UI's language (Accept-Language): another language reads the summary again.
 */
export function useReportSummary(filters: ReportFilters) {
  const locale = useLocale();
  return useQuery({
    queryKey: [...dashboardKeys.summary(filters), locale],
    queryFn: ({ signal }) =>
      requestJson({
        path: `/api/v1/reports/summary?${reportParams(filters).toString()}`,
        schema: reportSummarySchema,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One page of the records behind a figure, point or segment (masked). */
export function useReportRecords(filters: ReportFilters, drill: DrillDown | null, offset: number) {
  return useQuery({
    queryKey: drill ? dashboardKeys.records(filters, drill, offset) : ['reports', 'records', 'none'],
    queryFn: ({ signal }) => {
      if (!drill) throw new Error('no drill-down open');
      const params = reportParams(filters);
      params.set('figure', drill.figure);
      if (drill.bucket) params.set('bucket', drill.bucket);
      if (drill.segment) params.set('segment', drill.segment);
      params.set('offset', String(offset));
      params.set('limit', '50');
      return requestJson({
        path: `/api/v1/reports/records?${params.toString()}`,
        schema: reportRecordsPageSchema,
        signal,
      });
    },
    enabled: drill !== null,
    placeholderData: keepPreviousData,
  });
}

/** The accounts the agent filter offers (supervisors and admins read the list). */
export function useReportAgents() {
  return useQuery({
    queryKey: dashboardKeys.agents,
    queryFn: ({ signal }) => requestJson({ path: '/api/v1/users', schema: accountListSchema, signal }),
    staleTime: 5 * 60_000,
  });
}

// Ages and today's breaches move with the clock alone, without any event.
const FLOOR_REFRESH_MS = 60_000;
// A busy floor sends many events a second; one read per this interval is enough for people.
const FLOOR_EVENT_COALESCE_MS = 400;

/**
 * The live floor, kept current over the page's event stream: every event that can change it (a
 * consultation started, saved, abandoned or taken over, a transfer filed or moved on, a closure)
 * reads it again, coalesced; so does every (re)connection of the stream, since an event sent
 * before the stream was up reached no one — and once a minute, for ages and due times.
 * `connected` says whether the stream is open now.
 */
export function useLiveFloor() {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    const source = liveEventSource.acquire();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void refreshLiveQuery(queryClient, dashboardKeys.floor);
      }, FLOOR_EVENT_COALESCE_MS);
    };
    const onOpen = () => {
      setConnected(true);
      void refreshLiveQuery(queryClient, dashboardKeys.floor);
    };
    const onError = () => setConnected(source.readyState === EventSource.OPEN);
    if (source.readyState === EventSource.OPEN) setConnected(true);
    source.addEventListener('open', onOpen);
    source.addEventListener('error', onError);
    for (const type of liveFloorEventTypes) source.addEventListener(type, refresh);
    return () => {
      if (timer) clearTimeout(timer);
      source.removeEventListener('open', onOpen);
      source.removeEventListener('error', onError);
      for (const type of liveFloorEventTypes) source.removeEventListener(type, refresh);
      liveEventSource.release(source);
    };
  }, [queryClient]);
  // The figures' formulas come worded in the UI's language: another language reads the floor again.
  const locale = useLocale();
  const floor = useQuery({
    queryKey: [...dashboardKeys.floor, locale],
    queryFn: ({ signal }) => requestJson({ path: '/api/v1/reports/floor', schema: liveFloorSchema, signal }),
    refetchInterval: FLOOR_REFRESH_MS,
  });
  return { floor, connected };
}
