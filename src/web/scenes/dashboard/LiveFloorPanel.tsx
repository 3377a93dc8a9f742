import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { LiveFloor } from '../../../contract/reports/liveFloorSchema.ts';
import { FLOOR_IDLE_NOTICE_MINUTES } from '../../../domain/floor/floorIdleNoticeMinutes.ts';
import { QueryStates } from '../../components/QueryStates.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import { describeChannel } from '../../lib/describeChannel.ts';
import { navigate } from '../../lib/useLocation.ts';
import { statusMessageKeys } from '../queue/statusColors.ts';
import { useLiveFloor } from './dashboardApi.ts';
import { FigureTile } from './FigureTile.tsx';
import { formatFigureValue } from './formatFigureValue.ts';
import { minutesIdle } from './minutesIdle.ts';

const openTransfer = (transferId: string) => navigate(`/queue?transfer=${encodeURIComponent(transferId)}`);

// The list below the tiles that holds each figure's records.
const listOf: Record<string, string> = {
  'floor.agentsOnCall': 'floor-agents-title',
  'floor.openTransfers': 'floor-by-type-title',
  'floor.slaBreachesToday': 'floor-breaches-title',
};

/** Moves to the list of a tile's records on this panel (its heading takes focus). */
function showList(headingId: string | undefined) {
  const heading = headingId ? document.getElementById(headingId) : null;
  if (!heading) return;
  heading.scrollIntoView({ block: 'center' });
  heading.focus();
}

/**
 * 지금 현장: agents on a call, transfers waiting for contact by type and age (business time), the one
 * waiting longest, today's SLA breaches and the KakaoTalk chats waiting for an agent — kept current
 * over the live event stream, no reload.
 */
export function LiveFloorPanel() {
  const t = useT();
  const { floor, connected } = useLiveFloor();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="live-floor-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="live-floor-title">
            {t('dashboard.floor.title')}
          </Title>
          <Group gap="xs">
            {floor.data && (
              <Text size="xs" c="dark.4">
                {t('dashboard.floor.measuredAt', { time: floor.data.generatedAt.slice(11, 16) })}
                {' · '}
                {floor.data.businessHoursOpen ? t('dashboard.floor.open') : t('dashboard.floor.closed')}
              </Text>
            )}
            <Badge color={connected ? 'teal' : 'gray'} variant="light" data-testid="floor-live">
              {connected ? t('dashboard.floor.live') : t('dashboard.floor.reconnecting')}
            </Badge>
          </Group>
        </Group>
        <QueryStates query={floor} loadingLabel={t('dashboard.floor.loading')} />
        {floor.data && <LiveFloorBody floor={floor.data} />}
      </Stack>
    </Paper>
  );
}

function LiveFloorBody({ floor }: { floor: LiveFloor }) {
  const t = useT();
  const locale = useLocale();
  const format = useFormat();
  const oldest = floor.oldestWaiting;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm" data-testid="floor-tiles">
        {floor.figures.map((figure) => (
          <FigureTile
            key={figure.id}
            figureId={figure.id}
            label={t(`dashboard.figure.${figure.id}`)}
            value={formatFigureValue(locale, figure.unit, figure.value)}
            definition={figure.definition}
            note={
              figure.id === 'floor.oldestWaitingMinutes' && oldest
                ? `${oldest.number} · ${oldest.inquiryTypeLabel}`
                : undefined
            }
            onOpen={
              figure.id === 'floor.oldestWaitingMinutes'
                ? oldest
                  ? () => openTransfer(oldest.transferId)
                  : undefined
                : listOf[figure.id]
                  ? () => showList(listOf[figure.id])
                  : undefined
            }
            openLabel={
              figure.id === 'floor.oldestWaitingMinutes'
                ? t('dashboard.floor.openInQueue')
                : t('dashboard.records.open')
            }
          />
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <Stack gap={4}>
          <Title order={3} size="h5" id="floor-agents-title" tabIndex={-1}>
            {t('dashboard.floor.agentsTitle')}
          </Title>
          {floor.agentsOnCall.length === 0 ? (
            <Text size="sm" c="dark.4">
              {t('dashboard.floor.noAgents')}
            </Text>
          ) : (
            <Table fz="sm" data-testid="floor-agents">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.floor.agent')}</Table.Th>
                  <Table.Th>{t('dashboard.floor.channel')}</Table.Th>
                  <Table.Th>{t('dashboard.floor.since')}</Table.Th>
                  <Table.Th>{t('dashboard.floor.lastActivity')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {floor.agentsOnCall.map((entry) => {
                  const idle = minutesIdle(entry.lastActivityAt, floor.generatedAt);
                  return (
                    <Table.Tr key={entry.agent.id}>
                      <Table.Td>
                        {entry.agent.name}
                        {entry.openConsultations > 1 && (
                          <Text span size="xs" c="dark.4" ml={6}>
                            {t('dashboard.floor.openCount', { count: entry.openConsultations })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{describeChannel(entry.channel, undefined, locale)}</Table.Td>
                      <Table.Td>{format.time(entry.startedAt)}</Table.Td>
                      <Table.Td data-testid="floor-agent-activity">
                        {format.time(entry.lastActivityAt)}
                        {idle >= FLOOR_IDLE_NOTICE_MINUTES && (
                          <Badge color="orange" variant="light" ml={6} radius="sm">
                            {t('dashboard.floor.idleFor', { minutes: idle })}
                          </Badge>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5" id="floor-by-type-title" tabIndex={-1}>
            {t('dashboard.floor.byTypeTitle')}
          </Title>
          {floor.openTransfersByType.length === 0 ? (
            <Text size="sm" c="dark.4">
              {t('dashboard.floor.noTransfers')}
            </Text>
          ) : (
            <Table fz="sm" data-testid="floor-by-type">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dashboard.floor.type')}</Table.Th>
                  <Table.Th ta="right">{t('dashboard.floor.total')}</Table.Th>
                  {floor.ageBuckets.map((bucket) => (
                    <Table.Th key={bucket.bucket} ta="right">
                      {t(`dashboard.age.${bucket.bucket}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {floor.openTransfersByType.map((row) => (
                  <Table.Tr key={`${row.guideId}:${row.inquiryType}`} data-inquiry-type={row.inquiryType}>
                    <Table.Td>{row.inquiryTypeLabel}</Table.Td>
                    <Table.Td ta="right" fw={700}>
                      {format.number(row.count)}
                    </Table.Td>
                    {row.byAge.map((cell) => (
                      <Table.Td key={cell.bucket} ta="right" c={cell.count === 0 ? 'dark.3' : undefined}>
                        {format.number(cell.count)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th>{t('dashboard.floor.total')}</Table.Th>
                  <Table.Th ta="right">
                    {format.number(floor.ageBuckets.reduce((sum, bucket) => sum + bucket.count, 0))}
                  </Table.Th>
                  {floor.ageBuckets.map((bucket) => (
                    <Table.Th key={bucket.bucket} ta="right" data-testid={`floor-age-${bucket.bucket}`}>
                      {format.number(bucket.count)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          )}
        </Stack>
      </SimpleGrid>
      {floor.slaBreachesToday.length > 0 && (
        <Stack gap={4}>
          <Title order={3} size="h5" id="floor-breaches-title" tabIndex={-1}>
            {t('dashboard.floor.breachesTitle')}
          </Title>
          <Table fz="sm" data-testid="floor-breaches">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.records.number')}</Table.Th>
                <Table.Th>{t('dashboard.floor.type')}</Table.Th>
                <Table.Th>{t('dashboard.records.status')}</Table.Th>
                <Table.Th>{t('dashboard.records.dueAt')}</Table.Th>
                <Table.Th>{t('dashboard.records.assignee')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {floor.slaBreachesToday.map((row) => (
                <Table.Tr key={row.transferId}>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => openTransfer(row.transferId)}
                    >
                      {row.number}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{row.inquiryTypeLabel}</Table.Td>
                  <Table.Td>{t(statusMessageKeys[row.status])}</Table.Td>
                  <Table.Td>{format.time(row.dueAt)}</Table.Td>
                  <Table.Td>{row.assignee?.name ?? t('dashboard.records.unassigned')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Stack>
  );
}
