import { Alert, AppShell, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import type { ReportFigure } from '../../../contract/reports/reportFigureSchema.ts';
import type { ReportFigureId } from '../../../domain/report/reportFigureIds.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { consoleMessages } from '../../i18n/messages/console.ts';
import { dashboardMessages } from '../../i18n/messages/dashboard.ts';
import { leadsMessages } from '../../i18n/messages/leads.ts';
import { privacyMessages } from '../../i18n/messages/privacy.ts';
import { transfersMessages } from '../../i18n/messages/transfers.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import { DrillDownDrawer } from './DrillDownDrawer.tsx';
import { type DrillDown, type ReportFilters, useReportSummary } from './dashboardApi.ts';
import { FigureTile } from './FigureTile.tsx';
import { formatFigureValue } from './formatFigureValue.ts';
import { LiveFloorPanel } from './LiveFloorPanel.tsx';
import { ReportCharts } from './ReportCharts.tsx';
import { ReportFiltersForm } from './ReportFiltersForm.tsx';

// This screen's words load with it (catalogue.ts: addMessages); the leads' for callback outcomes.
// The console's words name how a consultation ended in the drill-down, as on the privacy screens.
addMessages(consoleMessages, dashboardMessages, leadsMessages, privacyMessages, transfersMessages);

/**
 * The first view: no dates, so the server's defaults apply — the 30 days up to its today in Seoul
 * (the server's clock, not this PC's) — by day, everything.
 */
const defaultFilters: ReportFilters = {
  from: '',
  to: '',
  groupBy: 'day',
  guideId: '',
  inquiryType: '',
  channel: '',
  agentId: '',
};

/** The chatbot's own line (bot.*), shown apart from the agents' figures, which leave its work out. */
function isBotFigure(id: ReportFigureId): boolean {
  return id.startsWith('bot.');
}

/** Whether the role runs the floor and reads the reports (mirrors 'floor:read' on the server). */
export function canReadDashboard(role: Session['user']['role']): boolean {
  return role === 'supervisor' || role === 'admin';
}

/**
 * `/dashboard`: the supervisor's dashboard — the live floor on top (kept current over the event
 * stream), then the reports over a range with every figure's formula, the charts and the
 * drill-down to the records behind any tile or bar, and the CSV. Other roles get the plain refusal.
 */
export function DashboardScene({ session }: { session: Session }) {
  const t = useT();
  const logout = useLogout();
  const allowed = canReadDashboard(session.user.role);
  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-labelledby="dashboard-title">
        <Stack gap="md" maw={1400}>
          <Title order={1} size="h2" id="dashboard-title">
            {t('dashboard.title')}
          </Title>
          {allowed ? (
            <DashboardBody session={session} />
          ) : (
            <Alert color="gray" title={t('dashboard.forbiddenTitle')} data-testid="dashboard-forbidden">
              {t('dashboard.forbidden')}
            </Alert>
          )}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

/** A grid of report figures as tiles, each opening its records (the agents' line, the bot's line). */
function FigureTiles({
  figures,
  onOpen,
  'data-testid': testId,
}: {
  figures: readonly ReportFigure[];
  onOpen: (id: ReportFigureId) => void;
  'data-testid'?: string;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, md: 4, xl: 6 }} spacing="sm" data-testid={testId}>
      {figures.map((figure) => (
        <FigureTile
          key={figure.id}
          figureId={figure.id}
          label={t(`dashboard.figure.${figure.id}`)}
          value={formatFigureValue(locale, figure.unit, figure.value)}
          definition={figure.definition}
          onOpen={() => onOpen(figure.id)}
          openLabel={t('dashboard.records.open')}
        />
      ))}
    </SimpleGrid>
  );
}

function DashboardBody({ session }: { session: Session }) {
  const t = useT();
  const [filters, setFilters] = useState<ReportFilters>(defaultFilters);
  const [drill, setDrill] = useState<DrillDown | null>(null);
  const summary = useReportSummary(filters);
  const data = summary.data;
  const openFigure = (id: ReportFigureId) => setDrill({ figure: id, title: t(`dashboard.figure.${id}`) });
  return (
    <>
      <LiveFloorPanel />
      <Title order={2} size="h3">
        {t('dashboard.reports.title')}
        {data && (
          <Text span size="sm" c="dark.4" fw={400} ml={8}>
            {t('dashboard.reports.range', { from: data.from, to: data.to })}
          </Text>
        )}
      </Title>
      <ReportFiltersForm
        session={session}
        filters={filters}
        shownRange={data ? { from: data.from, to: data.to } : null}
        onApply={setFilters}
      />
      <QueryStates query={summary} loadingLabel={t('dashboard.reports.loading')} />
      {data && (
        <>
          <FigureTiles
            figures={data.figures.filter((figure) => !isBotFigure(figure.id))}
            onOpen={openFigure}
            data-testid="report-tiles"
          />
          <Text size="xs" c="dark.4">
            {t('dashboard.reports.note', { days: data.repeatContactDays })}
          </Text>
          <Stack gap="xs" component="section" aria-labelledby="bot-line-title" data-testid="bot-line">
            <Title order={3} size="h5" id="bot-line-title">
              {t('dashboard.bot.title')}
            </Title>
            <FigureTiles
              figures={data.figures.filter((figure) => isBotFigure(figure.id))}
              onOpen={openFigure}
            />
            <Text size="xs" c="dark.4">
              {t('dashboard.bot.note')}
            </Text>
          </Stack>
          <ReportCharts summary={data} onDrill={setDrill} />
        </>
      )}
      <DrillDownDrawer session={session} filters={filters} drill={drill} onClose={() => setDrill(null)} />
    </>
  );
}
