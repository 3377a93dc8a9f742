import {
  Alert,
  Badge,
  Group,
  Pagination,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import type { TransferStatus } from '../../../contract/transfers/transferStatusSchema.ts';
import { SectionPaper } from '../../components/SectionPaper.tsx';
import { addMessages } from '../../i18n/catalogue.ts';
import { myTransfersMessages } from '../../i18n/messages/myTransfers.ts';
import { transfersMessages } from '../../i18n/messages/transfers.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { statusColors } from './statusColors.ts';
import { type QueueFilters, useTransferList } from './transferApi.ts';
import { useLiveTransferEvents } from './useLiveTransferEvents.ts';

// The panel's words load with it (catalogue.ts: addMessages).
addMessages(myTransfersMessages, transfersMessages);

const pageSize = 10;

/** Which of the agent's transfers to show: all, those still open, or those handled to the end. */
type Show = 'all' | 'open' | 'done';
const statusesOf: Record<Show, TransferStatus[]> = {
  all: [],
  open: ['received', 'in-progress', 'unreachable'],
  done: ['contacted', 'closed'],
};
type Kind = 'all' | 'transfer' | 'lead';
type Order = 'recent' | 'urgency';

/**
 * Every transfer (and sign-up lead) the agent filed, open and handled, by page: filters by state,
 * kind and filing date, the last changed first by default (or the most urgent). Live: when the
 * business team takes one or calls the customer back, the badge changes without a reload and the
 * row is highlighted.
 */
export function MyTransfersPanel({ session }: { session: Session }) {
  const t = useT();
  const format = useFormat();
  const [show, setShow] = useState<Show>('all');
  const [kind, setKind] = useState<Kind>('all');
  const [order, setOrder] = useState<Order>('recent');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const filters: QueueFilters = {
    status: statusesOf[show],
    inquiryType: null,
    assignee: 'all',
    overdue: false,
    scope: 'mine',
    sort: order,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(kind === 'all' ? {} : { kind }),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  const list = useTransferList(filters);
  const [changed, setChanged] = useState<Set<string>>(new Set());
  useLiveTransferEvents((event) => {
    if (event.filedById === session.user.id && event.type === 'transfer.updated') {
      setChanged((current) => new Set(current).add(event.transferId));
    }
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = show !== 'all' || kind !== 'all' || from !== '' || to !== '';
  // A filter change starts again at the first page.
  const refilter =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  return (
    <SectionPaper titleId="my-transfers-title" describedBy="my-transfers-total">
      <Stack gap="xs">
        {/* The caption sits beside the heading, not in it: inside, screen readers read the two as
            one run-on name ("My transfersLive status · 0 in all"). */}
        <Group gap={6} align="baseline" wrap="wrap">
          <Title order={2} size="h4" id="my-transfers-title">
            {t('myTransfers.title')}
          </Title>
          <Text size="sm" c="dark.4" id="my-transfers-total" data-testid="my-transfers-total">
            {t('myTransfers.caption', { total })}
          </Text>
        </Group>
        <SegmentedControl
          size="xs"
          fullWidth
          aria-label={t('myTransfers.show')}
          value={show}
          onChange={(value) => {
            if (value === 'all' || value === 'open' || value === 'done') refilter(setShow)(value);
          }}
          data={[
            { value: 'all', label: t('myTransfers.show.all') },
            { value: 'open', label: t('myTransfers.show.open') },
            { value: 'done', label: t('myTransfers.show.done') },
          ]}
          data-testid="my-transfers-show"
        />
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          <Select
            size="xs"
            label={t('myTransfers.kind')}
            value={kind}
            allowDeselect={false}
            onChange={(value) => {
              if (value === 'all' || value === 'transfer' || value === 'lead') refilter(setKind)(value);
            }}
            data={[
              { value: 'all', label: t('myTransfers.kind.all') },
              { value: 'transfer', label: t('myTransfers.kind.transfer') },
              { value: 'lead', label: t('myTransfers.kind.lead') },
            ]}
            data-testid="my-transfers-kind"
          />
          <Select
            size="xs"
            label={t('myTransfers.order')}
            value={order}
            allowDeselect={false}
            onChange={(value) => {
              if (value === 'recent' || value === 'urgency') refilter(setOrder)(value);
            }}
            data={[
              { value: 'recent', label: t('myTransfers.order.recent') },
              { value: 'urgency', label: t('myTransfers.order.urgency') },
            ]}
          />
          <TextInput
            size="xs"
            type="date"
            label={t('myTransfers.from')}
            value={from}
            onChange={(event) => refilter(setFrom)(event.currentTarget.value)}
            data-testid="my-transfers-from"
          />
          <TextInput
            size="xs"
            type="date"
            label={t('myTransfers.to')}
            value={to}
            onChange={(event) => refilter(setTo)(event.currentTarget.value)}
            data-testid="my-transfers-to"
          />
        </SimpleGrid>
        {list.isError && <Alert color="red">{list.error.message}</Alert>}
        {list.data && items.length === 0 && (
          <Text c="dark.5">{filtered ? t('myTransfers.emptyFiltered') : t('myTransfers.empty')}</Text>
        )}
        {items.length > 0 && (
          <Table verticalSpacing={6} fz="sm" data-testid="my-transfers">
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr
                  key={item.id}
                  data-number={item.number}
                  data-status={item.status}
                  style={{ background: changed.has(item.id) ? 'var(--mantine-color-yellow-0)' : undefined }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={600}>
                      {item.number}
                    </Text>
                    <Text size="xs" c="dark.4">
                      {format.compact(item.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {item.kind === 'lead' ? `${t('myTransfers.leadBadge')} · ` : ''}
                      {item.inquiryTypeLabel}
                    </Text>
                    <Text size="xs" c="dark.4">
                      {item.assignee
                        ? t('myTransfers.assignee', { name: item.assignee.name })
                        : t('myTransfers.unassigned')}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge
                      color={statusColors[item.status]}
                      styles={{ label: { overflow: 'visible' } }}
                      data-testid="my-transfer-status"
                    >
                      {t(`myTransfers.status.${item.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {total > 0 && (
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dark.5" data-testid="my-transfers-range">
              {t('myTransfers.range', {
                first: (page - 1) * pageSize + 1,
                last: Math.min(page * pageSize, total),
                total,
              })}
            </Text>
            {pages > 1 && (
              <Pagination
                size="sm"
                total={pages}
                value={Math.min(page, pages)}
                onChange={setPage}
                aria-label={t('myTransfers.pages')}
                data-testid="my-transfers-pager"
              />
            )}
          </Group>
        )}
      </Stack>
    </SectionPaper>
  );
}
