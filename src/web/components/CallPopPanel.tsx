import { Alert, Badge, Group, List, Stack, Text } from '@mantine/core';
import type { CallPop } from '../../contract/cti/callPopSchema.ts';
import { seoulTime } from '../lib/seoulTime.ts';

/**
 * The screen pop of a call answered at this agent's extension: who is calling by the business
 * directory ("등록된 관리책임자 · 김*수 · (주)누리테크" or "미등록 번호"), the number (masked), and
 * the caller's last consultations and open transfers and leads (masked; the business team reveals
 * a transfer's contact as usual).
 */
export function CallPopPanel({ pop, current }: { pop: CallPop; current: boolean }) {
  return (
    <Alert
      color={pop.caller.registered ? 'teal' : 'gray'}
      variant="light"
      title={
        current ? '전화 수신 · 이 상담' : '전화 수신 · 진행 중인 상담을 마치면 이어서 진행에서 열 수 있습니다'
      }
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
        {pop.recentConsultations.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              최근 상담
            </Text>
            <List size="sm" data-testid="call-pop-consultations">
              {pop.recentConsultations.map((consultation) => (
                <List.Item key={consultation.id}>
                  {seoulTime.dateTime(consultation.startedAt)} · {consultation.typeTitle ?? '유형 미선택'} ·{' '}
                  {consultation.status === 'completed'
                    ? '완료'
                    : consultation.status === 'open'
                      ? '진행 중'
                      : '중단'}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {pop.openTransfers.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              진행 중인 이관·리드
            </Text>
            <List size="sm" data-testid="call-pop-transfers">
              {pop.openTransfers.map((transfer) => (
                <List.Item key={transfer.id}>
                  {transfer.number} · {transfer.kind === 'lead' ? '가입 리드' : '이관'} ·{' '}
                  {transfer.typeTitle ?? ''} · {transfer.statusLabel}
                </List.Item>
              ))}
            </List>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
