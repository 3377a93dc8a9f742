import { Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { reportGroupBys } from '../../../domain/report/reportFigureIds.ts';
import { useGuides } from '../../api/useGuides.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ExportReasonDialog } from '../../components/ExportReasonDialog.tsx';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import { describeChannel } from '../../lib/describeChannel.ts';
import { canRevealPersonalData } from '../privacy/privacyRoles.ts';
import {
  exportReportWithReason,
  type ReportFilters,
  reportExportPath,
  useReportAgents,
} from './dashboardApi.ts';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Props of the filter form. */
export type ReportFiltersFormProps = {
  session: Session;
  filters: ReportFilters;
  /** The range the last report covered (the server fills dates left empty); shown in empty date fields. */
  shownRange: { from: string; to: string } | null;
  onApply: (filters: ReportFilters) => void;
};

/**
 * The report's range (Seoul dates), bucketing and filters: guide, inquiry type, channel, agent. The
 * CSV button downloads one row per consultation for the filters applied (masked unless the role may
 * see personal data; the server logs every export). A role that gets it in clear says why first
 * (ExportReasonDialog), and the reason goes with the export to the access log.
 */
export function ReportFiltersForm({ session, filters, shownRange, onApply }: ReportFiltersFormProps) {
  const t = useT();
  const locale = useLocale();
  const [draft, setDraft] = useState<ReportFilters>(filters);
  const { guides } = useGuides();
  const agents = useReportAgents();
  const shownFrom = shownRange?.from ?? '';
  const shownTo = shownRange?.to ?? '';
  useEffect(() => {
    if (!shownFrom || !shownTo) return;
    setDraft((current) =>
      current.from || current.to ? current : { ...current, from: shownFrom, to: shownTo },
    );
  }, [shownFrom, shownTo]);
  const set = (patch: Partial<ReportFilters>) => setDraft((current) => ({ ...current, ...patch }));
  const [askingExportReason, setAskingExportReason] = useState(false);
  const exportsInClear = canRevealPersonalData(session.user.role);
  // The range the report shows when no dates were typed: the export carries the same span.
  const exportFilters = shownRange && !filters.from && !filters.to ? { ...filters, ...shownRange } : filters;

  const rangeError =
    (draft.from && !isDate(draft.from)) || (draft.to && !isDate(draft.to))
      ? t('dashboard.filters.badDate')
      : draft.from && draft.to && draft.from > draft.to
        ? t('dashboard.filters.reversed')
        : null;
  const shownGuides = (guides ?? []).filter((guide) => !draft.guideId || guide.id === draft.guideId);
  const multipleGuides = (guides?.length ?? 0) > 1;
  const typeOptions = shownGuides.flatMap((guide) =>
    guide.inquiryTypes.map((type) => ({
      value: String(type.number),
      label: multipleGuides
        ? `${type.number}. ${type.label} (${guide.heading})`
        : `${type.number}. ${type.label}`,
    })),
  );
  // One type number per guide: with several guides a number may repeat; keep the first.
  const uniqueTypes = typeOptions.filter(
    (option, index) => typeOptions.findIndex((candidate) => candidate.value === option.value) === index,
  );
  const channelOptions = [
    ...new Map(
      shownGuides.flatMap((guide) => guide.channels.map((channel) => [channel.id, channel.label] as const)),
    ),
  ].map(([value, label]) => ({ value, label: describeChannel(value, label, locale) }));
  const agentOptions = (agents.data?.items ?? [])
    .filter((account) => account.role === 'agent' || account.role === 'admin')
    .map((account) => ({ value: account.id, label: account.name }));

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t('dashboard.filters.title')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!rangeError) onApply(draft);
        }}
      >
        <Stack gap="xs">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              type="date"
              label={t('dashboard.filters.from')}
              value={draft.from}
              onChange={(event) => set({ from: event.currentTarget.value })}
              data-testid="report-from"
            />
            <TextInput
              type="date"
              label={t('dashboard.filters.to')}
              value={draft.to}
              onChange={(event) => set({ to: event.currentTarget.value })}
              data-testid="report-to"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="report-group-by-label">
                {t('dashboard.filters.groupBy')}
              </Text>
              <SegmentedControl
                aria-labelledby="report-group-by-label"
                value={draft.groupBy}
                onChange={(value) => {
                  const groupBy = reportGroupBys.find((candidate) => candidate === value);
                  if (groupBy) set({ groupBy });
                }}
                data={reportGroupBys.map((value) => ({ value, label: t(`dashboard.groupBy.${value}`) }))}
                data-testid="report-group-by"
              />
            </Stack>
            {multipleGuides && (
              <Select
                label={t('dashboard.filters.guide')}
                placeholder={t('dashboard.filters.all')}
                clearable
                data={(guides ?? []).map((guide) => ({ value: guide.id, label: guide.heading }))}
                value={draft.guideId || null}
                onChange={(value) => set({ guideId: value ?? '', inquiryType: '' })}
              />
            )}
            <Select
              label={t('dashboard.filters.inquiryType')}
              placeholder={t('dashboard.filters.all')}
              clearable
              searchable
              data={uniqueTypes}
              value={draft.inquiryType || null}
              onChange={(value) => set({ inquiryType: value ?? '' })}
              w={240}
              data-testid="report-inquiry-type"
            />
            <Select
              label={t('dashboard.filters.channel')}
              placeholder={t('dashboard.filters.all')}
              clearable
              data={channelOptions}
              value={draft.channel || null}
              onChange={(value) => set({ channel: value ?? '' })}
              w={140}
            />
            <Select
              label={t('dashboard.filters.agent')}
              placeholder={t('dashboard.filters.all')}
              clearable
              searchable
              data={agentOptions}
              value={draft.agentId || null}
              onChange={(value) => set({ agentId: value ?? '' })}
              w={180}
            />
            <Button type="submit" disabled={Boolean(rangeError)} data-testid="report-apply">
              {t('dashboard.filters.apply')}
            </Button>
            <ExportButton
              inClear={exportsInClear}
              href={reportExportPath(exportFilters)}
              onAskReason={() => setAskingExportReason(true)}
              testId="report-export"
            >
              {t('dashboard.filters.export')}
            </ExportButton>
          </Group>
          <Text size="xs" c={rangeError ? 'red' : 'dark.4'} role={rangeError ? 'alert' : undefined}>
            {rangeError ??
              (exportsInClear ? t('dashboard.filters.exportClear') : t('dashboard.filters.exportMasked'))}
          </Text>
        </Stack>
      </form>
      {/* Outside the filters' form: a submit in the dialog (a portal) would bubble to it in React. */}
      {exportsInClear && (
        <ExportReasonDialog
          opened={askingExportReason}
          onClose={() => setAskingExportReason(false)}
          onExport={(reason) => exportReportWithReason(exportFilters, reason)}
          subject={t('dashboard.filters.exportSubject')}
          inputTestId="report-export-reason"
        />
      )}
    </Paper>
  );
}
