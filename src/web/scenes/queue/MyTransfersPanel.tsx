import { Alert, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import { seoulTime } from '../../lib/seoulTime.ts';
import { statusColors, statusLabels } from './statusColors.ts';
import { useTransferList } from './transferApi.ts';
import { useLiveTransferEvents } from './useLiveTransferEvents.ts';

const mine = { status: [], inquiryType: null, assignee: 'all', overdue: false, scope: 'mine' } as const;

/**
 * The agent's own transfers with their status, live: when the business team takes one or calls the
 * customer back, the badge changes without a reload and the row is highlighted.
 */
export function MyTransfersPanel({ session }: { session: Session }) {
  const list = useTransferList({ ...mine, status: [] });
  const [changed, setChanged] = useState<Set<string>>(new Set());
  useLiveTransferEvents((event) => {
    if (event.filedById === session.user.id && event.type === 'transfer.updated') {
      setChanged((current) => new Set(current).add(event.transferId));
    }
  });
  const items = (list.data?.items ?? []).slice(0, 10);

  return (
    <Paper withBorder radius="lg" p="md" component="section" aria-labelledby="my-transfers-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="my-transfers-title">
          내 이관
          <Text span size="sm" c="dark.4" fw={400} ml={6}>
            실시간 상태
          </Text>
        </Title>
        {list.isError && <Alert color="red">{list.error.message}</Alert>}
        {list.data && items.length === 0 && <Text c="dark.5">접수한 이관이 없습니다.</Text>}
        {items.length > 0 && (
          <Table verticalSpacing={6} fz="sm" data-testid="my-transfers">
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr
                  key={item.id}
                  data-number={item.number}
                  style={{ background: changed.has(item.id) ? 'var(--mantine-color-yellow-0)' : undefined }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={600}>
                      {item.number}
                    </Text>
                    <Text size="xs" c="dark.4">
                      {seoulTime.compact(item.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{item.inquiryTypeLabel}</Text>
                    <Text size="xs" c="dark.4">
                      {item.assignee ? `담당 ${item.assignee.name}` : '미배정'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={statusColors[item.status]} data-testid="my-transfer-status">
                      {statusLabels[item.status]}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
