import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import type { LeadStatus } from '../../../contract/leads/leadStatusSchema.ts';
import { useLogout } from '../../api/useLogout.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { AppShell } from '../../components/AppShell.tsx';
import { KakaoBotWeekPanel } from '../../components/KakaoBotWeekPanel.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { kakaoMessages } from '../../i18n/messages/kakao.ts';
import { navigate } from '../../lib/useLocation.ts';
import { type LeadDateRange, leadExportPath, useLeadFunnel } from '../leads/leadApi.ts';
import { leadStatusColors } from '../leads/leadStatusColors.ts';
import { canRevealPersonalData } from '../privacy/privacyRoles.ts';
import { BrochurePanel } from './BrochurePanel.tsx';
import { describeDuration } from './describeDuration.ts';

// This screen's words load with it (catalogue.ts: addMessages).
addMessages(kakaoMessages);

const statuses: Array<{ status: LeadStatus; label: string }> = [
  { status: 'new', label: '신규' },
  { status: 'brochure-sent', label: '소개서 발송' },
  { status: 'called', label: '통화 완료' },
  { status: 'won', label: '가입' },
  { status: 'lost', label: '종료' },
];

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * `/funnel`: the supervisor's view of sign-up leads filed between two dates (default: the last 12
 * weeks, the server's default): how many stand in each status, the same by week of filing (Monday
 * to Sunday, Seoul) with how many got the brochure and a first call, and the median time from
 * intake to brochure sent and to the first call — in wall-clock and in business hours. The CSV
 * export carries the same span, masked unless the role may see personal data (the server decides
 * and logs every export). Admins also replace the brochure PDF here. Agents get the permission page (AppRoutes).
 */
export function FunnelScene({ session }: { session: Session }) {
  const [range, setRange] = useState<LeadDateRange>({ from: '', to: '' });
  const [draft, setDraft] = useState<LeadDateRange>({ from: '', to: '' });
  const funnel = useLeadFunnel(range);

  const logout = useLogout();

  const data = funnel.data;
  const rangeError =
    (draft.from && !isDate(draft.from)) || (draft.to && !isDate(draft.to))
      ? '날짜는 YYYY-MM-DD 형식으로 입력하세요'
      : draft.from && draft.to && draft.from > draft.to
        ? '시작일이 종료일보다 늦습니다'
        : null;
  const shown = data ? { from: data.from, to: data.to } : range;

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <AppHeader user={session.user} onLogout={() => logout.mutate()} loggingOut={logout.isPending} />
      </AppShell.Header>
      <AppShell.Main aria-label="가입 리드 퍼널">
        <Stack gap="md" maw={1200}>
          <Group justify="space-between">
            <Title order={1} size="h2">
              가입 리드 퍼널
              {data && (
                <Text span size="sm" c="dark.4" fw={400} ml={8}>
                  {data.from} ~ {data.to} 접수 · {data.total}건
                </Text>
              )}
            </Title>
            <Button variant="subtle" size="xs" onClick={() => navigate('/queue?view=leads')}>
              가입 리드 큐로
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
                  label="접수 시작일"
                  value={draft.from}
                  onChange={(event) => {
                    const from = event.currentTarget.value;
                    setDraft((current) => ({ ...current, from }));
                  }}
                  data-testid="funnel-from"
                />
                <TextInput
                  type="date"
                  label="접수 종료일"
                  value={draft.to}
                  onChange={(event) => {
                    const to = event.currentTarget.value;
                    setDraft((current) => ({ ...current, to }));
                  }}
                  data-testid="funnel-to"
                />
                <Button type="submit" disabled={Boolean(rangeError)}>
                  조회
                </Button>
                <Button
                  variant="default"
                  onClick={() => {
                    setDraft({ from: '', to: '' });
                    setRange({ from: '', to: '' });
                  }}
                >
                  최근 12주
                </Button>
                <Button
                  component="a"
                  href={leadExportPath(shown)}
                  variant="light"
                  data-testid="funnel-export"
                >
                  CSV 내보내기
                </Button>
                <Text size="xs" c="dark.4" maw={260}>
                  {canRevealPersonalData(session.user.role)
                    ? '연락처가 그대로 담깁니다. 내보내기는 접근 기록에 남습니다.'
                    : '담당자·연락처·이메일은 가려서 내보냅니다. 내보내기는 접근 기록에 남습니다.'}
                </Text>
              </Group>
              {rangeError && (
                <Text size="xs" c="red" mt={4}>
                  {rangeError}
                </Text>
              )}
            </form>
          </Paper>
          {funnel.isError && <Alert color="red">{funnel.error.message}</Alert>}
          {funnel.isPending && <Loader aria-label="퍼널 불러오는 중" />}
          {data && (
            <>
              <SimpleGrid cols={{ base: 2, md: 6 }} spacing="sm" data-testid="funnel-status">
                <Stat label="전체" value={data.total} />
                {statuses.map(({ status, label }) => (
                  <Stat
                    key={status}
                    label={label}
                    value={data.byStatus[status] ?? 0}
                    color={leadStatusColors[status]}
                  />
                ))}
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" data-testid="funnel-durations">
                <Duration title="접수 → 소개서 발송" median={data.intakeToBrochure} of={data.total} />
                <Duration title="접수 → 첫 통화" median={data.intakeToFirstCall} of={data.total} />
              </SimpleGrid>
              <Paper withBorder radius="md" p="sm">
                <Title order={2} size="h4" mb="xs">
                  주별 (접수 주, 월요일 시작)
                </Title>
                {data.weeks.length === 0 ? (
                  <Text c="dark.5">이 기간에 접수된 리드가 없습니다.</Text>
                ) : (
                  <Table striped verticalSpacing={6} data-testid="funnel-weeks">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>주</Table.Th>
                        <Table.Th ta="right">접수</Table.Th>
                        <Table.Th ta="right">소개서 발송</Table.Th>
                        <Table.Th ta="right">통화</Table.Th>
                        {statuses.map(({ status, label }) => (
                          <Table.Th key={status} ta="right">
                            <Badge size="xs" variant="light" color={leadStatusColors[status]}>
                              {label}
                            </Badge>
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.weeks.map((week) => (
                        <Table.Tr key={week.weekStart} data-week={week.weekStart}>
                          <Table.Td>{week.weekStart} 주</Table.Td>
                          <Table.Td ta="right">{week.filed}</Table.Td>
                          <Table.Td ta="right">
                            {week.brochureSent} <Rate part={week.brochureSent} of={week.filed} />
                          </Table.Td>
                          <Table.Td ta="right">
                            {week.called} <Rate part={week.called} of={week.filed} />
                          </Table.Td>
                          {statuses.map(({ status }) => (
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
        </Stack>
      </AppShell.Main>
    </AppShell>
  );
}

function Stat({ label, value, color }: { label: string; value: number; color?: string }) {
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
        {value.toLocaleString('ko-KR')}
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
}: {
  title: string;
  median: { count: number; minutes: number | null; businessMinutes: number | null };
  of: number;
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dark.4" fw={600}>
        {title} (중앙값)
      </Text>
      <Text size="lg" fw={700}>
        {describeDuration(median.minutes)}
      </Text>
      <Text size="xs" c="dark.4">
        업무시간 기준 {describeDuration(median.businessMinutes)} · {median.count}/{of}건 도달
      </Text>
    </Paper>
  );
}
