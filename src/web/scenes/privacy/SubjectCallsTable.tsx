import { Stack, Table, Title } from '@mantine/core';
import type { SubjectCall } from '../../../contract/privacy/subjectCallSchema.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useT } from '../../i18n/useT.ts';

/** An outbound call nobody picked up is no 부재중 전화 (missed call): the customer did not answer. */
function stateKey(call: SubjectCall) {
  if (call.state === 'missed' && !call.missed) return 'dataSubject.calls.state.unanswered' as const;
  return `dataSubject.calls.state.${call.state}` as const;
}

/**
 * The phone calls a data-subject search found (CTI, missed calls included), masked: what the PBX
 * reported about the person is held as much as a consultation is, so an access request shows it.
 */
export function SubjectCallsTable({ calls }: { calls: readonly SubjectCall[] }) {
  const t = useT();
  const format = useFormat();
  if (calls.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-labelledby="subject-calls-title">
      <Title order={3} size="h6" id="subject-calls-title">
        {t('dataSubject.calls.title')}
      </Title>
      <Table fz="xs" data-testid="subject-calls">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dataSubject.calls.startedAt')}</Table.Th>
            <Table.Th>{t('dataSubject.calls.number')}</Table.Th>
            <Table.Th>{t('dataSubject.calls.kind')}</Table.Th>
            <Table.Th>{t('dataSubject.calls.callback')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {calls.map((call) => (
            <Table.Tr key={call.id} data-call-id={call.id}>
              <Table.Td>{format.dateTime(call.startedAt)}</Table.Td>
              <Table.Td>{call.customerNumber ?? '-'}</Table.Td>
              <Table.Td>
                {t(`dataSubject.calls.${call.direction}`)} · {t(stateKey(call))}
              </Table.Td>
              <Table.Td>{t(`dataSubject.calls.callback.${call.callbackStatus ?? 'none'}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
