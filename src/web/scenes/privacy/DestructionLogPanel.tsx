import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryStates } from '../../components/QueryStates.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { SectionPanel } from '../../components/SectionPanel.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';
import { privacyApi } from './privacyApi.ts';

const kindLabels: Partial<Record<string, MessageKey>> = {
  'consultation.personal-data': 'privacy.destruction.kind.consultation',
  'consent-record': 'privacy.destruction.kind.consent',
  'lead.personal-data': 'privacy.destruction.kind.lead',
  'transfer.personal-data': 'privacy.destruction.kind.transfer',
  'email.personal-data': 'privacy.destruction.kind.email',
  'audit-events': 'privacy.destruction.kind.audit',
};
const reasonLabels: Partial<Record<string, MessageKey>> = {
  'retention-ended': 'privacy.destruction.reason.retention',
  'subject-request': 'privacy.destruction.reason.subject',
};

/** The destruction log (파기 기록): what kind of record, which, when and why — never the values. */
export function DestructionLogPanel() {
  const t = useT();
  const labelOf = (labels: Partial<Record<string, MessageKey>>, value: string): string => {
    const key = labels[value];
    return key ? t(key) : value;
  };
  const format = useFormat();
  const log = useQuery({
    queryKey: ['privacy', 'destruction-log'],
    queryFn: ({ signal }) => privacyApi.destructionLog(signal),
    select: (data) => data.items,
  });
  return (
    <SectionPanel titleId="destruction-title" title={t('privacy.tab.destruction')}>
      <QueryStates
        query={log}
        loadingLabel={t('privacy.destruction.loading')}
        loaderSize="sm"
        empty={<Text c="dark.5">{t('privacy.destruction.none')}</Text>}
      />
      {log.data && log.data.length > 0 && (
        <ScrollRegion label={t('privacy.destruction.list')} maxHeight="50vh">
          <Table striped fz="xs" data-testid="destruction-log">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('privacy.destruction.at')}</Table.Th>
                <Table.Th>{t('privacy.destruction.kind')}</Table.Th>
                <Table.Th>{t('privacy.destruction.target')}</Table.Th>
                <Table.Th>{t('privacy.destruction.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>{format.dateTime(entry.at)}</Table.Td>
                  <Table.Td>{labelOf(kindLabels, entry.recordKind)}</Table.Td>
                  <Table.Td>{entry.recordId}</Table.Td>
                  <Table.Td>{labelOf(reasonLabels, entry.reason)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </SectionPanel>
  );
}
