import { BarChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { Anchor, Button, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import type { ReportSummary } from '../../../contract/reports/reportSummarySchema.ts';
import type { ReportFigureId } from '../../../domain/report/reportFigureIds.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import type { DrillDown } from './dashboardApi.ts';
import { formatBucketLabel } from './formatBucketLabel.ts';
import { type FigureUnit, formatFigureValue } from './formatFigureValue.ts';

/** The charts over time: figures of one unit drawn together. */
const chartGroups: ReadonlyArray<{
  titleKey: MessageKey;
  unit: FigureUnit;
  figures: readonly ReportFigureId[];
}> = [
  {
    titleKey: 'dashboard.chart.consultations',
    unit: 'count',
    figures: ['consultations.started', 'consultations.completed', 'consultations.abandoned'],
  },
  {
    titleKey: 'dashboard.chart.handleTime',
    unit: 'seconds',
    figures: ['handleTime.median', 'handleTime.p90'],
  },
  {
    titleKey: 'dashboard.chart.transfers',
    unit: 'count',
    figures: ['transfer.filed', 'transfer.slaBreaches'],
  },
  {
    titleKey: 'dashboard.chart.rates',
    unit: 'ratio',
    figures: ['transfer.rate', 'transfer.slaMet', 'repeatContact.rate'],
  },
  {
    titleKey: 'dashboard.chart.callbacks',
    unit: 'count',
    figures: ['callbacks.due', 'callbacks.attempts', 'leads.filed', 'leads.won'],
  },
];

const colors = ['indigo.6', 'teal.6', 'orange.6', 'grape.6'];

// recharts reads a dot in a data key as a path into the row; series keys use '_' instead.
const dataKeyOf = (figure: string) => figure.replaceAll('.', '_');

/** Props of the report charts. */
export type ReportChartsProps = { summary: ReportSummary; onDrill: (drill: DrillDown) => void };

/**
 * The figures over time (one chart per unit) and the breakdowns: backlog by age, callback outcomes,
 * handle time per script path. Every bar opens the records behind it; each chart also reads as a
 * table whose values are buttons, so the drill-down works from the keyboard.
 */
export function ReportCharts({ summary, onDrill }: ReportChartsProps) {
  const t = useT();
  const locale = useLocale();
  const seriesOf = new Map(summary.series.map((series) => [series.id, series]));
  const figureName = (id: ReportFigureId) => t(`dashboard.figure.${id}`);
  const pointLabel = (point: { start: string; label: string }) =>
    formatBucketLabel(locale, summary.groupBy, point, summary);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        {chartGroups.map((group) => {
          const figures = group.figures.filter((id) => seriesOf.has(id));
          const first = figures[0] ? seriesOf.get(figures[0]) : undefined;
          if (!first) return null;
          const rows = first.points.map((point, index) => ({
            key: point.key,
            label: pointLabel(point),
            values: figures.map((id) => seriesOf.get(id)?.points[index]?.value ?? null),
          }));
          return (
            <ChartCard
              key={group.titleKey}
              chartId={group.titleKey}
              title={t(group.titleKey)}
              unit={group.unit}
              columns={figures.map((id) => ({ id, name: figureName(id) }))}
              rows={rows}
              onDrill={(figure, row) =>
                onDrill({
                  figure,
                  bucket: row.key,
                  title: `${figureName(figure)} · ${row.label}`,
                })
              }
            />
          );
        })}
        <ChartCard
          chartId="backlog"
          title={t('dashboard.chart.backlog')}
          unit="count"
          columns={[{ id: 'transfer.backlog', name: figureName('transfer.backlog') }]}
          rows={summary.transferBacklogByAge.map((entry) => ({
            key: entry.bucket,
            label: t(`dashboard.age.${entry.bucket}` as MessageKey),
            values: [entry.count],
          }))}
          onDrill={(figure, row) =>
            onDrill({ figure, segment: row.key, title: `${figureName(figure)} · ${row.label}` })
          }
        />
        <ChartCard
          chartId="callbackOutcomes"
          title={t('dashboard.chart.callbackOutcomes')}
          unit="count"
          columns={[{ id: 'callbacks.attempts', name: figureName('callbacks.attempts') }]}
          rows={summary.callbackOutcomes.map((entry) => ({
            key: entry.outcome,
            // The queue's words for an outcome, in the reader's language (the server's label is Korean).
            label: t(`leads.outcome.${entry.outcome}` as MessageKey),
            values: [entry.count],
          }))}
          onDrill={(figure, row) =>
            onDrill({ figure, segment: row.key, title: `${figureName(figure)} · ${row.label}` })
          }
        />
      </SimpleGrid>
      <HandleTimeByPath summary={summary} onDrill={onDrill} />
    </Stack>
  );
}

type ChartRow = { key: string; label: string; values: Array<number | null> };

function ChartCard({
  chartId,
  title,
  unit,
  columns,
  rows,
  onDrill,
}: {
  chartId: string;
  title: string;
  unit: FigureUnit;
  columns: Array<{ id: ReportFigureId; name: string }>;
  rows: ChartRow[];
  onDrill: (figure: ReportFigureId, row: ChartRow) => void;
}) {
  const t = useT();
  const locale = useLocale();
  const titleId = useId();
  const [asTable, setAsTable] = useState(false);
  const format = (value: number | null) => formatFigureValue(locale, unit, value);
  const data = rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(columns.map((column, index) => [dataKeyOf(column.id), row.values[index] ?? 0])),
  }));
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={titleId} data-chart={chartId}>
      <Stack gap="xs">
        <Title order={3} size="h5" id={titleId}>
          {title}
        </Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dark.4">
            {t('dashboard.chart.empty')}
          </Text>
        ) : (
          <BarChart
            h={220}
            data={data}
            dataKey="label"
            withLegend={columns.length > 1}
            valueFormatter={(value) => format(value)}
            series={columns.map((column, index) => ({
              name: dataKeyOf(column.id),
              label: column.name,
              color: colors[index % colors.length] ?? 'indigo.6',
            }))}
            barProps={(series) => ({
              cursor: 'pointer',
              // Figures appear at once: no growing bars on every refetch (and nothing moves under a click).
              isAnimationActive: false,
              onClick: (_entry, index) => {
                const column = columns.find((candidate) => dataKeyOf(candidate.id) === series.name);
                const row = rows[index];
                if (column && row) onDrill(column.id, row);
              },
            })}
            tickLine="y"
            xAxisProps={{ interval: 'preserveStartEnd', minTickGap: 12 }}
            aria-label={title}
            role="img"
            data-testid="report-chart"
          />
        )}
        <Button
          variant="subtle"
          size="compact-xs"
          w="fit-content"
          aria-expanded={asTable}
          onClick={() => setAsTable((shown) => !shown)}
        >
          {asTable ? t('dashboard.chart.hideTable') : t('dashboard.chart.showTable')}
        </Button>
        {asTable && (
          <Table fz="xs" striped data-testid="report-chart-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.chart.bucket')}</Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column.id} ta="right">
                    {column.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{row.label}</Table.Td>
                  {columns.map((column, index) => (
                    <Table.Td key={column.id} ta="right">
                      <Anchor
                        component="button"
                        type="button"
                        size="xs"
                        onClick={() => onDrill(column.id, row)}
                        aria-label={`${column.name} ${row.label} ${format(row.values[index] ?? null)} — ${t('dashboard.records.open')}`}
                      >
                        {format(row.values[index] ?? null)}
                      </Anchor>
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}

function HandleTimeByPath({ summary, onDrill }: ReportChartsProps) {
  const t = useT();
  const locale = useLocale();
  if (summary.handleTimeByPath.length === 0) return null;
  const seconds = (value: number | null) => formatFigureValue(locale, 'seconds', value);
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="handle-time-by-path">
      <Stack gap="xs">
        <Title order={3} size="h5" id="handle-time-by-path">
          {t('dashboard.chart.handleTimeByPath')}
        </Title>
        <Table fz="sm" striped data-testid="handle-time-by-path">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dashboard.chart.path')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.chart.count')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.figure.handleTime.median')}</Table.Th>
              <Table.Th ta="right">{t('dashboard.figure.handleTime.p90')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.handleTimeByPath.map((path) => (
              <Table.Tr key={path.key}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    ta="left"
                    onClick={() =>
                      onDrill({
                        figure: 'handleTime.median',
                        segment: path.key,
                        title: `${t('dashboard.chart.handleTimeByPath')} · ${path.pathLabel}`,
                      })
                    }
                  >
                    {path.inquiryType !== null ? `${path.inquiryType}. ` : ''}
                    {path.pathLabel}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{path.count}</Table.Td>
                <Table.Td ta="right">{seconds(path.medianSeconds)}</Table.Td>
                <Table.Td ta="right">{seconds(path.p90Seconds)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
