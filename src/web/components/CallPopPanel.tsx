import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { CallPop } from '../../contract/cti/callPopSchema.ts';
import { type TransferStatus, transferStatusSchema } from '../../contract/transfers/transferStatusSchema.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useFormat } from '../i18n/useFormat.ts';
import { useT } from '../i18n/useT.ts';

const popStatusKeys = {
  received: 'cti.pop.status.received',
  'in-progress': 'cti.pop.status.in-progress',
  contacted: 'cti.pop.status.contacted',
  unreachable: 'cti.pop.status.unreachable',
  closed: 'cti.pop.status.closed',
} as const satisfies Record<TransferStatus, MessageKey>;

// The pop's status is a transfer's (a lead's transfer too); an unknown one keeps the server's label.
const isPopStatus = (status: string): status is TransferStatus =>
  transferStatusSchema.safeParse(status).success;

/**
 * The screen pop of the call on screen, answered at this agent's extension: who is calling by the
 * business directory ("등록된 관리책임자 · 김*수 · (주)누리테크" or "미등록 번호"), the number
 * (masked), and the caller's last consultations and open transfers and leads (masked; the business
 * team reveals a transfer's contact as usual), and once the PBX reports the hangup, that the call has
 * ended. Another call answered meanwhile has its own notice (WaitingCallsNotice): this one stays
 * the call's own.
 */
export function CallPopPanel({ pop }: { pop: CallPop }) {
  const t = useT();
  const format = useFormat();
  return (
    <Alert
      color={pop.caller.registered ? 'teal' : 'gray'}
      variant="light"
      title={t('cti.pop.current')}
      data-testid="call-pop"
      data-registered={pop.caller.registered}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Text fw={700} data-testid="call-pop-caller">
            {pop.caller.label}
          </Text>
          {pop.callerNumber && (
            <Badge variant="outline" color="dark" radius="sm">
              {pop.callerNumber}
            </Badge>
          )}
        </Group>
        {/* The hangup, live: said once politely, and nothing is locked — the record is finished as usual. */}
        <div role="status">
          {pop.state === 'ended' && (
            <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)" data-testid="call-pop-ended">
              {t('cti.pop.ended', { at: pop.endedAt ? format.time(pop.endedAt) : '' })}
            </Text>
          )}
        </div>
        {pop.recentConsultations.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('cti.pop.recent')}
            </Text>
            <List size="sm" data-testid="call-pop-consultations">
              {pop.recentConsultations.map((consultation) => (
                <List.Item key={consultation.id}>
                  {format.dateTime(consultation.startedAt)} · {consultation.typeTitle ?? t('cti.pop.noType')}{' '}
                  ·{' '}
                  {consultation.status === 'completed'
                    ? t('cti.pop.completed')
                    : consultation.status === 'open'
                      ? t('cti.pop.open')
                      : t('cti.pop.abandoned')}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {pop.openTransfers.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('cti.pop.openTransfers')}
            </Text>
            <List size="sm" data-testid="call-pop-transfers">
              {pop.openTransfers.map((transfer) => (
                <List.Item key={transfer.id}>
                  {transfer.number} · {transfer.kind === 'lead' ? t('cti.pop.lead') : t('cti.pop.transfer')} ·{' '}
                  {transfer.typeTitle ?? ''} ·{' '}
                  {isPopStatus(transfer.status) ? t(popStatusKeys[transfer.status]) : transfer.statusLabel}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
