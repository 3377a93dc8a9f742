import { Badge, Group, Kbd, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { QueryStates } from '../../components/QueryStates.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { useListKeyboard } from '../../lib/useListKeyboard.ts';
import { AssigneeName } from '../queue/AssigneeName.tsx';
import { describeBrochure } from './describeBrochure.ts';
import { describeLeadCallback } from './describeLeadCallback.ts';
import { type LeadListFilter, useLeadList } from './leadApi.ts';
import { leadStatusColors } from './leadStatusColors.ts';
import { leadStatusMessageKeys } from './leadStatusMessageKeys.ts';

const filterOptions: Array<{ value: LeadListFilter; label: MessageKey }> = [
  { value: 'open', label: 'leads.queue.open' },
  { value: 'due', label: 'leads.queue.due' },
  { value: 'all', label: 'transfers.queue.all' },
];

const callbackColors = { scheduled: 'blue', due: 'orange', overdue: 'red', none: 'gray' } as const;

/** Props of the lead list in the business team's queue. */
export type LeadQueuePanelProps = {
  /** The open drawer's lead: the list's keys stay off while it is open. */
  openLeadId: string | null;
  onOpen: (id: string) => void;
  /** The list shown first (`open`, `due` or `all`, e.g. from the address); anything else: `open`. */
  initialFilter?: string | null;
};

/**
 * The business team's sign-up leads (Q4-Y), callbacks due first: status (신규 → 소개서 발송 → 통화
 * 완료 → 가입 / 종료), the brochure e-mail (발송 대기 / 발송됨 / 발송 실패, with the reason on hover
 * and under the badge), and the OB callback (예정 / 콜백 시간 / 지연, in business time; 소개서 미발송 when
 * it comes round without the brochure having gone out). Updates live
 * with the queue's event stream. J/K move, Enter opens the lead; D shows only callbacks due.
 */
export function LeadQueuePanel({ openLeadId, onOpen, initialFilter = null }: LeadQueuePanelProps) {
  const t = useT();
  const format = useFormat();
  const [filter, setFilter] = useState<LeadListFilter>(
    () => filterOptions.find((option) => option.value === initialFilter)?.value ?? 'open',
  );
  const list = useLeadList(filter);
  const items = list.data?.items ?? [];

  const [cursor, setCursor] = useListKeyboard({
    enabled: !openLeadId,
    items,
    onEnter: (item) => onOpen(item.id),
    keys: { d: () => setFilter((current) => (current === 'due' ? 'open' : 'due')) },
  });

  return (
    <Stack gap="sm" data-testid="lead-queue">
      <Group justify="space-between">
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            const next = filterOptions.find((option) => option.value === value);
            if (next) setFilter(next.value);
          }}
          data={filterOptions.map((option) => ({ value: option.value, label: t(option.label) }))}
          size="sm"
          aria-label={t('leads.queue.scope')}
          data-testid="lead-filter"
        />
        <Text size="xs" c="dark.4">
          <Kbd>J</Kbd>/<Kbd>K</Kbd> {t('transfers.queue.keyMove')} · <Kbd>Enter</Kbd>{' '}
          {t('transfers.queue.keyOpen')} · <Kbd>D</Kbd> {t('leads.queue.due')}
        </Text>
      </Group>
      <QueryStates query={list} loadingLabel={t('leads.queue.loading')} />
      {list.data && items.length === 0 && (
        <Text c="dark.5">{filter === 'due' ? t('leads.queue.noneDue') : t('leads.queue.none')}</Text>
      )}
      {items.length > 0 && (
        <Table highlightOnHover verticalSpacing={8} data-testid="lead-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('leads.queue.numberFiled')}</Table.Th>
              <Table.Th>{t('transfers.queue.status')}</Table.Th>
              <Table.Th>{t('transfers.queue.companyContact')}</Table.Th>
              <Table.Th>{t('leads.queue.phoneEmail')}</Table.Th>
              <Table.Th>{t('leads.queue.brochure')}</Table.Th>
              <Table.Th>{t('leads.queue.callback')}</Table.Th>
              <Table.Th>{t('transfers.queue.assignee')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((lead, index) => {
              const brochure = describeBrochure(lead.brochure, t);
              const callback = describeLeadCallback(lead.callback, t);
              const selected = index === cursor;
              return (
                <Table.Tr
                  key={lead.id}
                  data-lead-id={lead.id}
                  data-number={lead.number}
                  data-callback-state={lead.callback.state}
                  aria-selected={selected}
                  onClick={() => {
                    setCursor(index);
                    onOpen(lead.id);
                  }}
                  style={{
                    cursor: 'pointer',
                    outline: selected ? '2px solid var(--mantine-color-indigo-5)' : undefined,
                    background:
                      lead.callback.state === 'overdue'
                        ? 'var(--mantine-color-red-0)'
                        : lead.callback.state === 'due'
                          ? 'var(--mantine-color-orange-0)'
                          : undefined,
                  }}
                >
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={600}>
                      {lead.number}
                    </Text>
                    <Text size="xs" c="dark.4">
                      {format.compact(lead.createdAt)} · {lead.filedBy.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={leadStatusColors[lead.status]} data-testid="lead-status">
                      {t(leadStatusMessageKeys[lead.status])}
                    </Badge>
                    {lead.lastOutcome && (
                      <Text size="xs" c="dark.4">
                        {t('leads.queue.lastOutcome', { outcome: t(`leads.outcome.${lead.lastOutcome}`) })}
                      </Text>
                    )}
                    {lead.repeatOf && (
                      // The customer asked again while this earlier lead is worked: one customer, one holder.
                      <Text size="xs" c="grape.8" data-testid="lead-repeat-of">
                        {t('leads.repeat.of', { number: lead.repeatOf.number })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{lead.companyName}</Text>
                    <Text size="xs" c="dark.4">
                      {lead.contactName}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{lead.phone}</Text>
                    <Text size="xs" c="dark.4">
                      {lead.email}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Tooltip label={brochure.reason} disabled={!brochure.reason} multiline w={280}>
                      <Badge color={brochure.color} variant="light" data-testid="lead-brochure">
                        {brochure.label}
                      </Badge>
                    </Tooltip>
                    {brochure.reason && (
                      <Text size="xs" c={lead.brochure.status === 'failed' ? 'red' : 'dark.4'} lineClamp={2}>
                        {brochure.reason}
                      </Text>
                    )}
                    {lead.brochure.sentAt && (
                      <Text size="xs" c="dark.4">
                        {format.compact(lead.brochure.sentAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="lead-callback">
                    {lead.callback.dueAt ? (
                      <>
                        <Group gap={6}>
                          <Badge
                            color={callbackColors[callback.tone]}
                            variant={callback.tone === 'overdue' ? 'filled' : 'light'}
                          >
                            {callback.label}
                          </Badge>
                          <Text size="sm">{format.compact(lead.callback.dueAt)}</Text>
                        </Group>
                        <Text size="xs" c={callback.tone === 'overdue' ? 'red' : 'dark.4'}>
                          {callback.detail}
                          {lead.callback.attempts > 0
                            ? ` · ${t('leads.queue.attempt', { n: lead.callback.attempts + 1 })}`
                            : ''}
                        </Text>
                        {callback.brochureNotSent && (
                          <Text
                            size="xs"
                            fw={600}
                            c="var(--mantine-color-orange-light-color)"
                            data-testid="lead-callback-brochure-not-sent"
                          >
                            {callback.brochureNotSent}
                          </Text>
                        )}
                      </>
                    ) : (
                      <Text size="sm" c="dark.4">
                        -
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <AssigneeName assignee={lead.assignee} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
