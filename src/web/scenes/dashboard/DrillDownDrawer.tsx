import { Anchor, Badge, Button, Drawer, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import type { Session } from '../../../contract/auth/sessionSchema.ts';
import type { ReportRecord } from '../../../contract/reports/reportRecordSchema.ts';
import { useGuides } from '../../api/useGuides.ts';
import { QueryStates } from '../../components/QueryStates.tsx';
import { TableWithActionsColumn } from '../../components/TableWithActionsColumn.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useLocale } from '../../i18n/useLocale.ts';
import { useT } from '../../i18n/useT.ts';
import { describeOutcome } from '../../lib/outcomeLabels.ts';
import { navigate } from '../../lib/useLocation.ts';
import { canRevealPersonalData } from '../privacy/privacyRoles.ts';
import { RevealDialog } from '../privacy/RevealDialog.tsx';
import { type DrillDown, type ReportFilters, useReportRecords } from './dashboardApi.ts';
import { describeInquiryType } from './describeInquiryType.ts';
import { describeRecordStatus } from './describeRecordStatus.ts';
import { formatDuration } from './formatFigureValue.ts';

const PAGE = 50;

/** Props of the drill-down drawer. */
export type DrillDownDrawerProps = {
  session: Session;
  filters: ReportFilters;
  drill: DrillDown | null;
  onClose: () => void;
};

/**
 * The records behind a figure, a chart point or a breakdown segment, masked: consultations (an
 * admin reveals one with a reason, logged, as on the privacy screen), transfers and leads (opened in
 * the queue's drawer, where the business team reveals them).
 */
export function DrillDownDrawer({ session, filters, drill, onClose }: DrillDownDrawerProps) {
  const t = useT();
  const [page, setPage] = useState(1);
  const [revealId, setRevealId] = useState<string | null>(null);
  const records = useReportRecords(filters, drill, (page - 1) * PAGE);
  const close = () => {
    setPage(1);
    onClose();
  };
  const data = records.data;
  return (
    <>
      <Drawer
        opened={drill !== null}
        onClose={close}
        position="right"
        size="xl"
        title={drill?.title}
        closeButtonProps={{ 'aria-label': t('dashboard.records.close') }}
      >
        <Stack gap="sm" data-testid="drill-down">
          <QueryStates query={records} loadingLabel={t('dashboard.records.loading')} />
          {data && (
            <>
              <Text size="sm" c="dark.5" data-testid="drill-down-total">
                {t('dashboard.records.total', { count: data.total })}
              </Text>
              {data.items.length === 0 ? (
                <Text size="sm" c="dark.4">
                  {t('dashboard.records.empty')}
                </Text>
              ) : (
                <RecordsTable
                  items={data.items}
                  canReveal={canRevealPersonalData(session.user.role)}
                  onReveal={setRevealId}
                />
              )}
              {data.total > PAGE && (
                <Group justify="center">
                  <Pagination
                    total={Math.ceil(data.total / PAGE)}
                    value={page}
                    onChange={setPage}
                    size="sm"
                    getControlProps={(control) => ({
                      'aria-label':
                        control === 'next' ? t('dashboard.records.next') : t('dashboard.records.previous'),
                    })}
                  />
                </Group>
              )}
            </>
          )}
        </Stack>
      </Drawer>
      <RevealDialog consultationId={revealId} onClose={() => setRevealId(null)} />
    </>
  );
}

function RecordsTable({
  items,
  canReveal,
  onReveal,
}: {
  items: ReportRecord[];
  canReveal: boolean;
  onReveal: (consultationId: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  const locale = useLocale();
  const { guides } = useGuides();
  const kind = items[0]?.kind;
  if (kind === 'consultation') {
    return (
      <TableWithActionsColumn
        fz="sm"
        striped
        data-testid="drill-down-records"
        columns={[
          t('dashboard.records.startedAt'),
          t('dashboard.records.agent'),
          t('dashboard.records.type'),
          t('dashboard.records.status'),
          t('dashboard.records.handleTime'),
          t('dashboard.records.caller'),
        ]}
      >
        {items.map((item) =>
          item.kind !== 'consultation' ? null : (
            <Table.Tr key={item.id} data-testid="drill-down-record" data-record-id={item.id}>
              <Table.Td>{format.dateTime(item.startedAt)}</Table.Td>
              <Table.Td>{item.agent.name}</Table.Td>
              <Table.Td>
                {describeInquiryType(guides, item.guideId, item.inquiryType)}
                {item.outcome && (
                  <Text span size="xs" c="dark.4" ml={4}>
                    {describeOutcome(item.outcome, t)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={item.status === 'abandoned' ? 'gray' : 'indigo'}>
                  {describeRecordStatus(item, t).status}
                </Badge>
                {item.transfer && (
                  <Anchor
                    component="button"
                    type="button"
                    size="xs"
                    ml={6}
                    onClick={() => navigate(`/queue?transfer=${encodeURIComponent(item.transfer?.id ?? '')}`)}
                  >
                    {item.transfer.number}
                  </Anchor>
                )}
                {item.repeatedBy && (
                  <Text span size="xs" c="orange.8" ml={6}>
                    {t('dashboard.records.repeatedAt', { time: format.compact(item.repeatedBy.startedAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {item.handleSeconds === null ? '–' : formatDuration(locale, item.handleSeconds)}
              </Table.Td>
              <Table.Td data-testid="drill-down-caller">{item.callerNumber ?? '–'}</Table.Td>
              <Table.Td>
                {canReveal && item.callerNumber !== null && (
                  <Button size="compact-xs" variant="light" color="orange" onClick={() => onReveal(item.id)}>
                    {t('dashboard.records.reveal')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ),
        )}
      </TableWithActionsColumn>
    );
  }
  if (kind === 'transfer') {
    return (
      <Table fz="sm" striped data-testid="drill-down-records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.records.number')}</Table.Th>
            <Table.Th>{t('dashboard.records.type')}</Table.Th>
            <Table.Th>{t('dashboard.records.status')}</Table.Th>
            <Table.Th>{t('dashboard.records.company')}</Table.Th>
            <Table.Th>{t('dashboard.records.contact')}</Table.Th>
            <Table.Th>{t('dashboard.records.dueAt')}</Table.Th>
            <Table.Th>{t('dashboard.records.sla')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) =>
            item.kind !== 'transfer' ? null : (
              <Table.Tr key={item.id} data-testid="drill-down-record" data-record-id={item.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => navigate(`/queue?transfer=${encodeURIComponent(item.id)}`)}
                  >
                    {item.number}
                  </Anchor>
                </Table.Td>
                <Table.Td>{describeInquiryType(guides, item.guideId, item.inquiryType)}</Table.Td>
                <Table.Td>{describeRecordStatus(item, t).status}</Table.Td>
                <Table.Td>{item.companyName || '–'}</Table.Td>
                <Table.Td>
                  {item.contactName || '–'} {item.phone ?? ''}
                </Table.Td>
                <Table.Td>{format.compact(item.dueAt)}</Table.Td>
                <Table.Td>
                  <Badge
                    variant="light"
                    color={item.sla === 'breached' ? 'red' : item.sla === 'met' ? 'teal' : 'gray'}
                  >
                    {t(`dashboard.sla.${item.sla}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    );
  }
  if (kind === 'missed-call') {
    return (
      <Table fz="sm" striped data-testid="drill-down-records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dashboard.records.calledAt')}</Table.Th>
            <Table.Th>{t('dashboard.records.caller')}</Table.Th>
            <Table.Th>{t('dashboard.records.callbackDue')}</Table.Th>
            <Table.Th>{t('dashboard.records.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) =>
            item.kind !== 'missed-call' ? null : (
              <Table.Tr key={item.id} data-testid="drill-down-record" data-record-id={item.id}>
                <Table.Td>
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    onClick={() => navigate('/queue?view=missed')}
                    aria-label={`${format.compact(item.startedAt)} — ${t('dashboard.records.openMissedCalls')}`}
                  >
                    {format.compact(item.startedAt)}
                  </Anchor>
                </Table.Td>
                <Table.Td data-testid="drill-down-caller">{item.callerNumber ?? '–'}</Table.Td>
                <Table.Td>{format.compact(item.callbackDueAt)}</Table.Td>
                <Table.Td>
                  {describeRecordStatus(item, t).status}
                  {item.callbackDoneBy ? ` · ${item.callbackDoneBy.name}` : ''}
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    );
  }
  return (
    <Table fz="sm" striped data-testid="drill-down-records">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('dashboard.records.company')}</Table.Th>
          <Table.Th>{t('dashboard.records.contact')}</Table.Th>
          <Table.Th>{t('dashboard.records.status')}</Table.Th>
          <Table.Th>{t('dashboard.records.callbackDue')}</Table.Th>
          <Table.Th>{t('dashboard.records.outcome')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) =>
          item.kind !== 'lead' ? null : (
            <Table.Tr
              key={`${item.id}:${item.attempt?.attempt ?? 0}`}
              data-testid="drill-down-record"
              data-record-id={item.id}
            >
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => navigate(`/queue?view=leads&lead=${encodeURIComponent(item.id)}`)}
                >
                  {item.companyName || '–'}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {item.contactName} {item.phone}
              </Table.Td>
              <Table.Td>{describeRecordStatus(item, t).status}</Table.Td>
              <Table.Td>{item.callbackDueAt ? format.compact(item.callbackDueAt) : '–'}</Table.Td>
              <Table.Td>{describeRecordStatus(item, t).outcome}</Table.Td>
            </Table.Tr>
          ),
        )}
      </Table.Tbody>
    </Table>
  );
}
