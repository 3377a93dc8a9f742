import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import type { LeadStatus } from '../../../contract/leads/leadStatusSchema.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { AppShell } from '../../components/AppShell.tsx';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ExportReasonDialog } from '../../components/ExportReasonDialog.tsx';
import { KakaoBotWeekPanel } from '../../components/KakaoBotWeekPanel.tsx';
import { QueryStates } from '../../components/QueryStates.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { funnelMessages } from '../../i18n/messages/funnel.ts';
import { kakaoMessages } from '../../i18n/messages/kakao.ts';
import { leadsMessages } from '../../i18n/messages/leads.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { type Translate, useT } from '../../i18n/useT.ts';
import { navigate } from '../../lib/useLocation.ts';
import {
  exportLeadsWithReason,
  type LeadDateRange,
  leadExportPath,
  useLeadFunnel,
} from '../leads/leadApi.ts';
import { leadStatusColors } from '../leads/leadStatusColors.ts';
import { leadStatusMessageKeys } from '../leads/leadStatusMessageKeys.ts';
import { canRevealPersonalData } from '../privacy/privacyRoles.ts';
import { BrochurePanel } from './BrochurePanel.tsx';
import { describeDuration } from './describeDuration.ts';

// This screen's words load with it (catalogue.ts: addMessages).
addMessages(funnelMessages, kakaoMessages, leadsMessages);

const statuses: LeadStatus[] = ['new', 'brochure-sent', 'called', 'won', 'lost'];

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * `/funnel`: the supervisor's view of sign-up leads filed between two dates (default: the last 12
 * weeks, the server's default): how many stand in each status, the same by week of filing (Monday
 * to Sunday, Seoul) with how many got the brochure and a first call, and the median time from
 * intake to brochure sent and to the first call — in wall-clock and in business hours. The CSV
 * export carries the same span, masked unless the role may see personal data (the server decides
 * and logs every export); a role that gets it in clear says why first (ExportReasonDialog). Admins
 * also replace the brochure PDF here. Agents get the permission page (AppRoutes).
 */
export function FunnelScene({ session }: { session: Session }) {
  const t = useT();
  const [range, setRange] = useState<LeadDateRange>({ from: '', to: '' });
  const [draft, setDraft] = useState<LeadDateRange>({ from: '', to: '' });
  const funnel = useLeadFunnel(range);
  const [askingExportReason, setAskingExportReason] = useState(false);
  const exportsInClear = canRevealPersonalData(session.user.role);

  const logout = useLogout();

  const data = funnel.data;
  const rangeError =
    (draft.from && !isDate(draft.from)) || (draft.to && !isDate(draft.to))
      ? t('funnel.dateFormat')
      : draft.from && draft.to && draft.from > draft.to
        ? t('funnel.dateOrder')
        : null;
  const shown = data ? { from: data.from, to: data.to } : range;

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-label={t('funnel.title')}>
        <Stack gap="md" maw={1200}>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('funnel.title')}
              {data && (
                <Text span size="sm" c="dark.4" fw={400} ml={8}>
                  {t('funnel.span', { from: data.from, to: data.to, total: data.total })}
                </Text>
              )}
            </Title>
            <Button variant="subtle" size="xs" onClick={() => navigate('/queue?view=leads')}>
              {t('funnel.toQueue')}
            </Button>
          </Group>
          <Paper withBorder p="sm" radius="md">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (!rangeError) setRange(draft);
              }}
            >
              <Group gap="sm" align="flex-end">
                <TextInput
                  type="date"
                  label={t('funnel.from')}
                  value={draft.from}
                  onChange={(event) => {
                    const from = event.currentTarget.value;
                    setDraft((current) => ({ ...current, from }));
                  }}
                  data-testid="funnel-from"
                />
                <TextInput
                  type="date"
                  label={t('funnel.to')}
                  value={draft.to}
                  onChange={(event) => {
                    const to = event.currentTarget.value;
                    setDraft((current) => ({ ...current, to }));
                  }}
                  data-testid="funnel-to"
                />
                <Button type="submit" disabled={Boolean(rangeError)}>
                  {t('funnel.search')}
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setDraft({ from: '', to: '' });
                    setRange({ from: '', to: '' });
                  }}
                >
                  {t('funnel.last12Weeks')}
                </Button>
                <ExportButton
                  inClear={exportsInClear}
                  href={leadExportPath(shown)}
                  onAskReason={() => setAskingExportReason(true)}
                  testId="funnel-export"
                >
                  {t('funnel.export')}
                </ExportButton>
                <Text size="xs" c="dark.4" maw={260}>
                  {exportsInClear ? t('funnel.exportRevealed') : t('funnel.exportMasked')}
                </Text>
              </Group>
              {rangeError && (
                <Text size="xs" c="red" mt={4}>
                  {rangeError}
                </Text>
              )}
            </form>
          </Paper>
          <QueryStates query={funnel} loadingLabel={t('funnel.loading')} />
          {data && (
            <>
              <SimpleGrid cols={{ base: 2, md: 6 }} spacing="sm" data-testid="funnel-status">
                <Stat label={t('funnel.total')} value={data.total} />
                {statuses.map((status) => (
                  <Stat
                    key={status}
                    label={t(leadStatusMessageKeys[status])}
                    value={data.byStatus[status] ?? 0}
                    color={leadStatusColors[status]}
                  />
                ))}
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="funnel-durations">
                <Duration
                  title={t('funnel.intakeToBrochure')}
                  median={data.intakeToBrochure}
                  of={data.total}
                  t={t}
                />
                <Duration
                  title={t('funnel.intakeToFirstCall')}
                  median={data.intakeToFirstCall}
                  of={data.total}
                  t={t}
                />
              </SimpleGrid>
              <Paper withBorder radius="md" p="sm">
                <Title order={2} size="h4">
                  {t('funnel.weeks')}
                </Title>
                {/* Two "called" figures side by side read as a contradiction without this: the
                    milestone counts every call made, the status only calls that reached someone. */}
                <Text size="xs" c="dark.4" mb="xs" data-testid="funnel-weeks-note">
                  {t('funnel.weeksNote')}
                </Text>
                {data.weeks.length === 0 ? (
                  <Text c="dark.5">{t('funnel.noLeads')}</Text>
                ) : (
                  <Table striped verticalSpacing={6} data-testid="funnel-weeks">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('funnel.column.week')}</Table.Th>
                        <Table.Th ta="right">{t('funnel.column.filed')}</Table.Th>
                        <Table.Th ta="right">{t('funnel.column.brochureSent')}</Table.Th>
                        <Table.Th ta="right">{t('funnel.column.called')}</Table.Th>
                        {statuses.map((status) => (
                          <Table.Th key={status} ta="right">
                            <Badge size="xs" variant="light" color={leadStatusColors[status]}>
                              {t(leadStatusMessageKeys[status])}
                            </Badge>
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.weeks.map((week) => (
                        <Table.Tr key={week.weekStart} data-week={week.weekStart}>
                          <Table.Td>{t('funnel.weekOf', { date: week.weekStart })}</Table.Td>
                          <Table.Td ta="right">{week.filed}</Table.Td>
                          <Table.Td ta="right">
                            {week.brochureSent} <Rate part={week.brochureSent} of={week.filed} />
                          </Table.Td>
                          <Table.Td ta="right">
                            {week.called} <Rate part={week.called} of={week.filed} />
                          </Table.Td>
                          {statuses.map((status) => (
                            <Table.Td key={status} ta="right">
                              {week.byStatus[status] ?? 0}
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Paper>
            </>
          )}
          {(session.user.role === 'supervisor' || session.user.role === 'admin') && <KakaoBotWeekPanel />}
          {session.user.role === 'admin' && <BrochurePanel />}
          {exportsInClear && (
            <ExportReasonDialog
              opened={askingExportReason}
              onClose={() => setAskingExportReason(false)}
              onExport={(reason) => exportLeadsWithReason(shown, reason)}
              subject={t('funnel.exportSubject')}
              inputTestId="funnel-export-reason"
            />
          )}
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
  const format = useFormat();
  return (
    // The status colour marks the card's edge; the label stays dark enough to read (4.5:1).
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={color ? { borderLeft: `4px solid var(--mantine-color-${color}-6)` } : undefined}
    >
      <Text size="xs" c="dark.6" fw={600}>
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {format.number(value)}
      </Text>
    </Paper>
  );
}

function Rate({ part, of }: { part: number; of: number }) {
  if (of === 0) return null;
  return (
    <Text span size="xs" c="dark.4">
      ({Math.round((part / of) * 100)}%)
    </Text>
  );
}

function Duration({
  title,
  median,
  of,
  t,
}: {
  title: string;
  median: { count: number; minutes: number | null; businessMinutes: number | null };
  of: number;
  t: Translate;
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dark.4" fw={600}>
        {t('funnel.median', { title })}
      </Text>
      <Text size="lg" fw={700}>
        {describeDuration(median.minutes, t)}
      </Text>
      <Text size="xs" c="dark.4">
        {t('funnel.businessMedian', {
          duration: describeDuration(median.businessMinutes, t),
          count: median.count,
          of,
        })}
      </Text>
    </Paper>
  );
}
